package io.crossview.trainer.job;

import io.crossview.embedder.runtime.ReidModel;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.train.TrainingSet;
import io.crossview.embedder.runtime.Embedding;
import java.util.List;

/**
 * Checks an export before anyone runs it: ONNX Runtime, through the embedder's own model class,
 * must give the training network's descriptors for real training pictures.
 */
final class ExportCheck {
    static final double TOLERANCE = 1e-4;

    private ExportCheck() {
    }

    /** The largest difference over the first pictures; throws when it is over {@link #TOLERANCE}. */
    static double check(ReidNet net, byte[] onnx, TrainingSet data, int pictures) {
        int n = Math.min(pictures, data.size());
        int[] indices = java.util.stream.IntStream.range(0, n).toArray();
        float[] batch = data.batch(indices);
        float[][] expected = net.describe(batch, n);
        double worst = 0;
        try (ReidModel model = ReidModel.open(onnx)) {
            List<Embedding> actual = model.embedPreprocessed(batch, n);
            for (int i = 0; i < n; i++) {
                float[] e = Embedding.normalised(expected[i]);
                float[] a = actual.get(i).global();
                for (int d = 0; d < e.length; d++) {
                    worst = Math.max(worst, Math.abs(e[d] - a[d]));
                }
            }
        }
        if (worst > TOLERANCE) {
            throw new IllegalStateException("the exported model differs from the trained network by " + worst
                    + " (more than " + TOLERANCE + "); not publishing it");
        }
        return worst;
    }
}
