package io.crossview.eval.reid;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.crossview.embedder.runtime.Embedding;
import io.crossview.embedder.runtime.ReidModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Measures a re-ID model on a Market-1501 style folder: embeds every image through the model's
 * own preprocessing, ranks the gallery for each query and scores it with {@link MarketMetrics}.
 *
 * <p>Distance: cosine distance {@code 1 - q.g} of the L2-normalised global vectors. torchreid's
 * default is squared Euclidean distance; on unit vectors that is {@code 2 - 2 q.g}, the same
 * ranking, so CMC and mAP equal torchreid's with {@code normalize_feature=True} (either metric) and
 * fast-reid's default cosine metric. The model contract L2-normalises, so un-normalised distances
 * are not on offer. Part vectors are not used: the protocol scores the global descriptor.
 */
public final class ReidEvaluator {
    public static final int DEFAULT_BATCH = 32;

    /** Told how many of the images have been embedded so far. */
    @FunctionalInterface
    public interface Progress {
        void embedded(int done, int total);
    }

    private final ReidModel model;
    private final int batchSize;
    private final int progressEvery;
    private final Progress progress;

    /** An evaluator in batches of {@value #DEFAULT_BATCH} that reports no progress. */
    public ReidEvaluator(ReidModel model) {
        this(model, DEFAULT_BATCH, Integer.MAX_VALUE, (done, total) -> { });
    }

    /**
     * @param model         used, not owned: the caller closes it
     * @param progressEvery {@code progress} hears after about every this many images, and at the end
     */
    public ReidEvaluator(ReidModel model, int batchSize, int progressEvery, Progress progress) {
        this.model = Objects.requireNonNull(model, "model");
        this.progress = Objects.requireNonNull(progress, "progress");
        if (batchSize < 1 || progressEvery < 1) {
            throw new IllegalArgumentException("batch size and progress step must be at least 1, got "
                    + batchSize + " and " + progressEvery);
        }
        this.batchSize = batchSize;
        this.progressEvery = progressEvery;
    }

    /** Loads {@code dir} as a Market-1501 folder ({@link MarketDataset#load}) and evaluates on it. */
    public ReidReport evaluate(Path dir) throws IOException {
        return evaluate(MarketDataset.load(dir));
    }

    /** Embeds queries and gallery and scores the ranking; IOException naming any unreadable image. */
    public ReidReport evaluate(MarketDataset data) throws IOException {
        int total = data.size();
        int[] done = {0};
        float[][] queries = embed(data.query(), done, total);
        float[][] gallery = embed(data.gallery(), done, total);
        MarketMetrics.Scores scores = MarketMetrics.compute(queries.length, q -> cosineDistances(queries[q], gallery),
                ids(data.query()), cameras(data.query()), ids(data.gallery()), cameras(data.gallery()));
        return ReidReport.of(scores, gallery.length, model.version());
    }

    /** The L2-normalised global vectors of the images, in their order. */
    private float[][] embed(List<MarketImage> images, int[] done, int total) throws IOException {
        float[][] out = new float[images.size()][];
        for (int start = 0; start < images.size(); start += batchSize) {
            List<MarketImage> batch = images.subList(start, Math.min(images.size(), start + batchSize));
            List<Mat> crops = new ArrayList<>(batch.size());
            try {
                for (MarketImage image : batch) {
                    crops.add(read(image.path()));
                }
                List<Embedding> embeddings = model.embed(crops);
                for (int i = 0; i < embeddings.size(); i++) {
                    out[start + i] = embeddings.get(i).global();
                }
            } finally {
                crops.forEach(Mat::close); // native pixels: release each batch, not at GC's leisure
            }
            int before = done[0];
            done[0] += batch.size();
            if (done[0] / progressEvery > before / progressEvery || done[0] == total) {
                progress.embedded(done[0], total);
            }
        }
        return out;
    }

    private static Mat read(Path path) throws IOException {
        Mat picture = imread(path.toString(), IMREAD_COLOR); // 3-channel BGR, grey files included
        if (picture == null || picture.empty()) {
            if (picture != null) {
                picture.close();
            }
            throw new IOException(path + ": not a readable image");
        }
        return picture;
    }

    /**
     * Cosine distances {@code 1 - q.g} of one L2-normalised query to every gallery vector; thread-safe,
     * the metrics call it in parallel. Public so that every evaluation (the trainer's held-out set too)
     * ranks by the same distance.
     */
    public static float[] cosineDistances(float[] query, float[][] gallery) {
        float[] out = new float[gallery.length];
        for (int j = 0; j < gallery.length; j++) {
            float[] g = gallery[j];
            if (g.length != query.length) {
                throw new IllegalStateException("the model gave " + query.length + "-d and " + g.length
                        + "-d vectors in one run");
            }
            double dot = 0;
            for (int i = 0; i < g.length; i++) {
                dot += (double) query[i] * g[i];
            }
            out[j] = (float) (1 - dot);
        }
        return out;
    }

    private static int[] ids(List<MarketImage> images) {
        return images.stream().mapToInt(MarketImage::identity).toArray();
    }

    private static int[] cameras(List<MarketImage> images) {
        return images.stream().mapToInt(MarketImage::camera).toArray();
    }
}
