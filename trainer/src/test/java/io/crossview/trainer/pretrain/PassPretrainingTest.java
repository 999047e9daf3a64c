package io.crossview.trainer.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.HarvestedCrop;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.train.TrainingFixtures;
import io.crossview.trainer.train.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassPretrainingTest {
    private static final NetShape SMALL = new NetShape(64, 32, new int[] {16, 16, 32, 32}, 4, 32, 16);
    private static final PassSettings FAST = PassSettings.DEFAULTS.withBatch(16).withEpochs(4);

    private static TrainingSet data() {
        List<HarvestedCrop> crops = TrainingFixtures.crops(8, 8, 3);
        return TrainingSet.of(crops, TrainingFixtures.labels(crops), SMALL.preprocessing());
    }

    /** Mean distance between pictures of different people minus within one person, on unit descriptors. */
    private static double separation(ReidNet net, TrainingSet data) {
        float[][] d = io.crossview.trainer.train.Trainer.describe(net, data, IntStream.range(0, data.size()).toArray());
        int[] classes = data.classes();
        double within = 0;
        double between = 0;
        long nw = 0;
        long nb = 0;
        for (int i = 0; i < d.length; i++) {
            float[] a = io.crossview.embedder.runtime.Embedding.normalised(d[i]);
            for (int j = i + 1; j < d.length; j++) {
                float[] b = io.crossview.embedder.runtime.Embedding.normalised(d[j]);
                double s = 0;
                for (int k = 0; k < a.length; k++) {
                    s += (a[k] - b[k]) * (a[k] - b[k]);
                }
                if (classes[i] == classes[j]) {
                    within += Math.sqrt(s);
                    nw++;
                } else {
                    between += Math.sqrt(s);
                    nb++;
                }
            }
        }
        return between / nb - within / nw;
    }

    @Test
    void pretrainingWithoutLabelsSeparatesPeopleBetterThanTheInitialisation() {
        TrainingSet data = data();
        double before;
        try (ReidNet untrained = new ReidNet(SMALL, FAST.seed())) {
            before = separation(untrained, data);
        }
        List<PassPretraining.EpochReport> reports = new ArrayList<>();
        try (ReidNet net = new PassPretraining(FAST, SMALL, null).run(data, reports::add)) {
            double after = separation(net, data);
            assertTrue(after > before, "between minus within distance " + before + " -> " + after);
        }
        assertEquals(4, reports.size());
        assertEquals(data.size() / 16, reports.get(0).steps());
        for (PassPretraining.EpochReport r : reports) {
            assertTrue(Double.isFinite(r.globalLoss()) && Double.isFinite(r.partLoss()), r.toLine());
        }
    }

    @Test
    void oneSeedGivesOnePretraining() {
        TrainingSet data = data();
        PassSettings two = FAST.withEpochs(1);
        float[][] a;
        float[][] b;
        try (ReidNet net = new PassPretraining(two, SMALL, null).run(data, r -> { })) {
            a = net.describe(data.batch(new int[] {0, 9}), 2);
        }
        try (ReidNet net = new PassPretraining(two, SMALL, null).run(data, r -> { })) {
            b = net.describe(data.batch(new int[] {0, 9}), 2);
        }
        for (int i = 0; i < 2; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a[i], b[i], 1e-5f);
        }
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PassSettings.DEFAULTS.withBatch(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PassSettings(1, 8, 16, 0.1,
                0.04, 1.0, 0.9, 1e-3, 1, 0));
        assertTrue(e.getMessage().contains("momenta"), e.getMessage());
    }
}
