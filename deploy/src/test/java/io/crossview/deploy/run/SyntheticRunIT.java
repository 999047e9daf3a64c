package io.crossview.deploy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.deploy.synth.EvalSources;
import io.crossview.detector.oracle.OracleSettings;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.eval.synth.SynthWriter;
import io.crossview.eval.synth.WorldSpec;
import io.crossview.eval.mot.MotEvaluator;
import io.crossview.eval.mot.MotReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measuring stick end to end: synthetic world in, MOTChallenge files out, scored against its truth. */
@Tag("integration")
class SyntheticRunIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void registerSynthCameras() {
        EvalSources.register();
    }

    @Test
    void anOracleRunOnTheSyntheticWorldScoresWellAgainstItsGroundTruthAndStoresItsHarvest() throws Exception {
        WorldSpec spec = new WorldSpec(3, 4, 8, 12, 10, 640, 480);
        SynthWriter.write(spec, dir.resolve("gt"), null);
        List<CameraConfig> cameras = new ArrayList<>();
        for (int i = 1; i <= spec.cameras(); i++) {
            cameras.add(CameraConfig.of("cam" + i, "synth://cam" + i + "?seed=3&cameras=4&people=8&seconds=12", 10));
        }
        RunSettings settings = new RunSettings("run", dir.resolve("out"), null, "",
                DetectionMode.oracle(new OracleSettings(0.03, 0.02, 1)), 1, false).withHarvestInto(dir.resolve("store"));
        RunResult result;
        try (Feeds feeds = Feeds.open(cameras)) {
            result = new PipelineRun(settings, new PrintStream(new ByteArrayOutputStream())).run(feeds.list(),
                    feeds.annotations(1));
        }
        assertEquals(4, result.cameras());
        assertEquals(480, result.frames());
        for (int i = 1; i <= 4; i++) {
            assertTrue(Files.isRegularFile(dir.resolve("out/mot/cam" + i + ".txt")) || noTruthOn(dir, i),
                    "a result file for every camera with people");
        }
        try (io.crossview.trainer.store.CropStore store = io.crossview.trainer.store.CropStore.open(dir.resolve("store"),
                io.crossview.trainer.store.CropStoreSettings.defaults())) {
            assertTrue(store.stats().crops() > 0 && store.stats().labels() > 1, "the harvest is in the store to train on: " + store.stats());
        }
        MotReport report = MotEvaluator.evaluateDirectories(dir.resolve("gt"), dir.resolve("out/mot"));
        Map<String, Number> combined = report.table().get(MotReport.COMBINED);
        assertTrue(combined.get("MOTA").doubleValue() > 0.8, "MOTA " + combined);
        assertTrue(combined.get("IDF1").doubleValue() > 0.6, "IDF1 " + combined);
        assertTrue(combined.get("HOTA").doubleValue() > 0.5, "HOTA " + combined);
    }

    private static boolean noTruthOn(Path dir, int camera) throws Exception {
        return Files.readAllLines(dir.resolve("gt/cam" + camera + "/gt/gt.txt")).isEmpty();
    }
}
