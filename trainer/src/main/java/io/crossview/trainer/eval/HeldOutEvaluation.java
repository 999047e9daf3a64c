package io.crossview.trainer.eval;

import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.eval.reid.MarketMetrics;
import io.crossview.eval.reid.ReidEvaluator;
import io.crossview.eval.reid.ReidReport;
import io.crossview.embedder.runtime.CalibrationMetadata;
import io.crossview.embedder.runtime.Embedding;
import io.crossview.embedder.runtime.Provider;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.embedder.runtime.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Measures a re-ID model on the held-out identities of the crop store: decodes every crop,
 * embeds it in batches on the CPU and scores the ranking under the Market-1501 protocol with
 * eval's {@link MarketMetrics}, by the cosine distance of the L2-normalised global vectors,
 * exactly as {@link ReidEvaluator} does on a Market folder, so the figures compare.
 *
 * <p>The crops' {@link HeldOutCrop#view views} stand in for cameras, so a single-camera identity
 * is found across its tracks. On the CPU: the trainer may hold the GPU, and the figures of two
 * models must not depend on which device each ran on.
 */
public final class HeldOutEvaluation {
    private final RuntimeOptions runtime;
    private final int batchSize;
    private final int progressEvery;
    private final ReidEvaluator.Progress progress;

    /** On every core, in batches of {@value ReidEvaluator#DEFAULT_BATCH}, without progress. */
    public HeldOutEvaluation() {
        this(Math.min(256, Runtime.getRuntime().availableProcessors()), ReidEvaluator.DEFAULT_BATCH,
                Integer.MAX_VALUE, (done, total) -> { });
    }

    /**
     * @param threads       ONNX Runtime threads inside one operator
     * @param progressEvery {@code progress} hears after about every this many crops, and at the end
     */
    public HeldOutEvaluation(int threads, int batchSize, int progressEvery, ReidEvaluator.Progress progress) {
        this.runtime = new RuntimeOptions(threads, Provider.CPU, 0);
        this.progress = Objects.requireNonNull(progress, "progress");
        if (batchSize < 1 || progressEvery < 1) {
            throw new IllegalArgumentException("batch size and progress step must be at least 1, got "
                    + batchSize + " and " + progressEvery);
        }
        this.batchSize = batchSize;
        this.progressEvery = progressEvery;
    }

    /** Loads the ONNX file (named by its file name unless its metadata names it) and measures it. */
    public ReidReport evaluate(Path onnx, HeldOutSplit split) throws IOException {
        try (ReidModel model = ReidModel.open(onnx, runtime)) {
            return evaluate(model, split);
        }
    }

    /** Loads ONNX bytes (an announced model) and measures them; IllegalArgumentException when not a re-ID model. */
    public ReidReport evaluate(byte[] onnx, HeldOutSplit split) {
        try (ReidModel model = ReidModel.open(onnx, runtime)) {
            return evaluate(model, split);
        }
    }

    /**
     * Measures an open model (used, not closed). A crop that does not decode is an
     * IllegalArgumentException naming it: leaving it out would change what the figures are of.
     */
    public ReidReport evaluate(ReidModel model, HeldOutSplit split) {
        int total = split.query().size() + split.gallery().size();
        int[] done = {0};
        float[][] queries = embed(model, split.query(), done, total);
        float[][] gallery = embed(model, split.gallery(), done, total);
        MarketMetrics.Scores scores = MarketMetrics.compute(queries.length,
                q -> ReidEvaluator.cosineDistances(queries[q], gallery),
                ids(split.query()), views(split.query()), ids(split.gallery()), views(split.gallery()));
        return ReidReport.of(scores, gallery.length, model.version());
    }

    /**
     * The model's calibration on every held-out crop, queries and gallery alike (see
     * {@link HeldOutCalibration}); empty when the pairs are too few or the model does not rank them.
     */
    public Optional<CalibrationMetadata> calibrate(byte[] onnx, HeldOutSplit split) {
        try (ReidModel model = ReidModel.open(onnx, runtime)) {
            List<HeldOutCrop> crops = new ArrayList<>(split.query());
            crops.addAll(split.gallery());
            return HeldOutCalibration.fit(crops, embed(model, crops, new int[1], crops.size()));
        }
    }

    private float[][] embed(ReidModel model, List<HeldOutCrop> crops, int[] done, int total) {
        float[][] out = new float[crops.size()][];
        for (int start = 0; start < crops.size(); start += batchSize) {
            List<HeldOutCrop> batch = crops.subList(start, Math.min(crops.size(), start + batchSize));
            List<Mat> pictures = new ArrayList<>(batch.size());
            try {
                for (HeldOutCrop crop : batch) {
                    pictures.add(decode(crop));
                }
                List<Embedding> embeddings = model.embed(pictures);
                for (int i = 0; i < embeddings.size(); i++) {
                    out[start + i] = embeddings.get(i).global();
                }
            } finally {
                pictures.forEach(Mat::close); // native pixels: free each batch
            }
            int before = done[0];
            done[0] += batch.size();
            if (done[0] / progressEvery > before / progressEvery || done[0] == total) {
                progress.embedded(done[0], total);
            }
        }
        return out;
    }

    private static Mat decode(HeldOutCrop crop) {
        try {
            return Jpeg.decode(crop.jpeg().toByteArray());
        } catch (BadImageException e) {
            throw new IllegalArgumentException("held-out crop of " + crop.describe() + ": " + e.getMessage(), e);
        }
    }

    private static int[] ids(List<HeldOutCrop> crops) {
        return crops.stream().mapToInt(HeldOutCrop::identity).toArray();
    }

    private static int[] views(List<HeldOutCrop> crops) {
        return crops.stream().mapToInt(HeldOutCrop::view).toArray();
    }
}
