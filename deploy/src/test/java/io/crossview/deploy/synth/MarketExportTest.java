package io.crossview.deploy.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.eval.reid.MarketDataset;
import io.crossview.eval.reid.MarketImage;
import io.crossview.eval.reid.MarketName;
import io.crossview.eval.reid.MarketWriter;
import io.crossview.eval.synth.SynthWriter;
import io.crossview.eval.synth.SyntheticWorld;
import io.crossview.eval.synth.WorldSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketExportTest {
    @TempDir
    Path dir;

    @Test
    void visiblePeopleOfTheWorldBecomeAMarketFolderThatLoadsBack() throws Exception {
        MarketWriter.Summary summary;
        try (SyntheticWorld world = SyntheticWorld.create(new WorldSpec(1, 4, 12, 40, 10, 640, 480))) {
            summary = MarketExport.write(world, dir, 20, 1);
        }
        MarketDataset dataset = MarketDataset.load(dir);
        assertEquals(summary.queries(), dataset.query().size());
        assertEquals(summary.gallery(), dataset.gallery().size());
        assertTrue(summary.queries() > 0, "some people are seen by two cameras: " + summary);
        assertTrue(dataset.gallery().stream().allMatch(i -> i.camera() >= 1 && i.camera() <= 4 && i.identity() >= 1
                && i.identity() <= 12), "cameras 1..4, identities 1..12");
        for (MarketImage query : dataset.query()) {
            assertTrue(dataset.gallery().stream().anyMatch(g -> g.identity() == query.identity() && g.camera() != query.camera()),
                    "every query has a match from another camera");
        }
    }

    @Test
    void recordedCamerasWithGroundTruthBecomeAMarketFolderOfTheSamePeople() throws Exception {
        Path videos = dir.resolve("videos");
        SynthWriter.Summary written = SynthWriter.write(new WorldSpec(2, 3, 8, 20, 10, 320, 240), videos, (done, total) -> { });
        MarketWriter.Summary summary = MarketExport.fromVideos(videos, written.cameras(), dir.resolve("market"), 4, 1);
        MarketDataset dataset = MarketDataset.load(dir.resolve("market"));
        assertEquals(summary.gallery(), dataset.gallery().size());
        assertTrue(summary.gallery() > 20, "crops of the decoded videos: " + summary);
        assertTrue(dataset.gallery().stream().allMatch(i -> i.camera() >= 1 && i.camera() <= 3 && i.identity() >= 1
                && i.identity() <= 8), "cameras 1..3, identities 1..8");
        assertTrue(dataset.gallery().stream().allMatch(i -> MarketName.parse(i.path().getFileName().toString()).frame() % 4 == 1),
                "every 4th frame, counted from 1");
    }

    @Test
    void aCameraWithoutGroundTruthIsOneReadableError() {
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> MarketExport.fromVideos(dir, java.util.List.of("nowhere"), dir.resolve("market"), 1, 1));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }
}
