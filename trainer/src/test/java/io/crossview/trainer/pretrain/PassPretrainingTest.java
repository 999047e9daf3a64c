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
import org.junit.jupiter.api.Test;

class PassPretrainingTest {
    private static final NetShape SMALL = new NetShape(64, 32, new int[] {16, 16, 32, 32}, 4, 32, 16);
    private static final PassSettings FAST = PassSettings.DEFAULTS.withBatch(16).withEpochs(4);

    private static TrainingSet data() {
        List<HarvestedCrop> crops = TrainingFixtures.crops(8, 8, 3);
        return TrainingSet.of(crops, TrainingFixtures.labels(crops), SMALL.preprocessing());
    }

    private static double separation(ReidNet net, TrainingSet data) {
        return TrainingFixtures.separation(net, data);
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
