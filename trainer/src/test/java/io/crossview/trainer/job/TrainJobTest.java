package io.crossview.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.image.Jpeg;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.embedder.runtime.CalibrationMetadata;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.trainer.eval.HeldOutCrop;
import io.crossview.trainer.eval.HeldOutSplit;
import io.crossview.trainer.labels.PseudoLabels;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.CropStoreSettings;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.TrainingFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainJobTest {
    private static final NetShape SMALL = new NetShape(64, 32, new int[] {16, 16, 32, 32}, 4, 32, 16);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC);

    private static TrainJobSettings settings(int epochs) {
        return new TrainJobSettings("reid", TrainSettings.DEFAULTS.withBatch(4, 4).withEpochs(epochs).withThreads(2),
                SMALL, PseudoLabels.Settings.DEFAULTS, new HeldOutSplit.Rule(0.3, 7), 0.0);
    }

    @Test
    void jobExportsAWorkingCalibratedModelLogsTheDecisionAndAnnouncesOnlyAWinner(@TempDir Path dir) throws Exception {
        List<String> announced = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        try (CropStore store = CropStore.open(dir.resolve("crops"), new CropStoreSettings(100, Duration.ofDays(365)))) {
            for (HarvestedCrop crop : TrainingFixtures.crops(16, 8, 5)) {
                store.put(crop, CLOCK.millis());
            }
            TrainJob job = new TrainJob(settings(2), dir.resolve("work"),
                    (name, version, uri, sha, metrics) -> announced.add(version + " " + uri + " "
                            + new java.util.TreeMap<>(metrics).keySet()), CLOCK, progress::add);
            TrainJob.Result result = job.run(store, Optional.empty());

            assertTrue(Files.exists(result.model()), "model file written");
            assertEquals("reid-20261201-060000.onnx", result.model().getFileName().toString());
            try (ReidModel model = ReidModel.open(result.model())) {
                assertEquals(64, model.preprocessing().height(), "the embedder opens it with its own metadata");
                CalibrationMetadata calibration = model.calibration().orElseThrow(
                        () -> new AssertionError("no calibration in the metadata: " + progress));
                assertRanksPositivesAboveNegatives(calibration, model, HeldOutSplit.of(store, settings(2).split()));
            }
            assertTrue(progress.stream().anyMatch(l -> l.startsWith("held-out calibration:")), progress.toString());
            assertTrue(result.exportError() < 1e-4);
            assertEquals(result.decision().promoted() ? 1 : 0, announced.size(), "announced exactly when promoted");
            announced.forEach(a -> assertTrue(a.contains("epoch.001.loss") && a.contains("epoch.002.triplet_loss"),
                    "the announcement carries the training curve: " + a));
            List<String> log = Files.readAllLines(dir.resolve("work").resolve("promotions.jsonl"));
            assertEquals(1, log.size());
            assertTrue(log.get(0).contains("builtin-appearance"), "the first job is compared with the built-in model");
            assertFalse(Files.exists(dir.resolve("work").resolve("checkpoint")), "a finished job leaves no checkpoint");
            assertTrue(progress.stream().anyMatch(l -> l.startsWith("epoch 2/2")), progress.toString());
        }
    }

    /** Over every pair of held-out crops, both curves give the same person a higher P than strangers. */
    private static void assertRanksPositivesAboveNegatives(CalibrationMetadata c, ReidModel model, HeldOutSplit split)
            throws Exception {
        List<HeldOutCrop> crops = new ArrayList<>(split.query());
        crops.addAll(split.gallery());
        List<float[]> vectors = new ArrayList<>();
        for (HeldOutCrop crop : crops) {
            try (Mat picture = Jpeg.decode(crop.jpeg().toByteArray())) {
                vectors.add(model.embed(List.of(picture)).get(0).global());
            }
        }
        double[] sum = new double[4];
        int[] n = new int[2];
        for (int i = 0; i < crops.size(); i++) {
            for (int j = i + 1; j < crops.size(); j++) {
                double s = 0;
                for (int d = 0; d < vectors.get(i).length; d++) {
                    s += vectors.get(i)[d] * vectors.get(j)[d];
                }
                int k = crops.get(i).label().equals(crops.get(j).label()) ? 0 : 1;
                sum[2 * k] += c.sameTrack().probability(s);
                sum[2 * k + 1] += c.between().probability(s);
                n[k]++;
            }
        }
        assertTrue(n[0] >= 10 && n[1] >= 10, "pairs " + n[0] + " and " + n[1]);
        assertTrue(sum[0] / n[0] > sum[2] / n[1] + 0.2, "same track: " + sum[0] / n[0] + " vs " + sum[2] / n[1] + ", " + c);
        assertTrue(sum[1] / n[0] > sum[3] / n[1] + 0.2, "between: " + sum[1] / n[0] + " vs " + sum[3] / n[1] + ", " + c);
    }

    @Test
    void tooFewIdentitiesStopWithAReadableReason(@TempDir Path dir) throws Exception {
        try (CropStore store = CropStore.open(dir.resolve("crops"), new CropStoreSettings(100, Duration.ofDays(365)))) {
            for (HarvestedCrop crop : TrainingFixtures.crops(1, 4, 5)) {
                store.put(crop, CLOCK.millis());
            }
            TrainJob job = new TrainJob(settings(1), dir.resolve("work"), (n, v, u, s, m) -> { }, CLOCK, l -> { });
            Exception e = assertThrows(IllegalStateException.class, () -> job.run(store, Optional.empty()));
            assertTrue(e.getMessage().contains("identit"), e.getMessage());
        }
    }
}
