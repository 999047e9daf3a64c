package io.crossview.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.matcher.tracking.TrackerParams;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherFileTest {
    @TempDir
    Path dir;

    @Test
    void linkerSettingsAreProbabilitiesAndTheRestKeepDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), "linker:\n  link_probability: 0.7\n");
        MatcherFile read = MatcherFile.load(file);
        assertEquals(0.7, read.linker().linkProbability());
        assertEquals(5, read.linker().minEvidence());
    }

    @Test
    void anOldRawCosineSettingIsRefusedNamingItsReplacement() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), "linker:\n  link_threshold: 0.9\n");
        Exception e = assertThrows(Exception.class, () -> MatcherFile.load(file));
        assertTrue(e.getMessage().contains("link_probability"), e.getMessage());
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), "linker:\n  link_probability: 1.5\n");
        Exception e = assertThrows(Exception.class, () -> MatcherFile.load(file));
        assertTrue(e.getMessage().contains("link_probability"), e.getMessage());
    }

    @Test
    void trackerSettingsAreReadAndTheRestKeepDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), "tracker:\n  min_appearance: 0.05\n  max_misses: 12\n");
        MatcherFile read = MatcherFile.load(file);
        assertEquals(0.05, read.tracker().minAppearance());
        assertEquals(12, read.tracker().maxMisses());
        assertEquals(TrackerParams.defaults().minIou(), read.tracker().minIou());
    }

    @Test
    void aTrackerProbabilityOutsideZeroToOneIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), "tracker:\n  reactivate_appearance: 2\n");
        Exception e = assertThrows(Exception.class, () -> MatcherFile.load(file));
        assertTrue(e.getMessage().contains("reactivate_appearance"), e.getMessage());
    }

    @Test
    void harvestSettingsAreReadUnderTheTrackerAndTheRestKeepDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"),
                "tracker:\n  harvest:\n    max_per_track: 30\n    min_frame_gap: 3\n");
        MatcherFile read = MatcherFile.load(file);
        assertEquals(30, read.tracker().harvest().maxPerTrack());
        assertEquals(3, read.tracker().harvest().minFrameGap());
        assertEquals(io.crossview.matcher.harvest.HarvestPolicy.defaults().maxSimilarity(),
                read.tracker().harvest().maxSimilarity());
        assertEquals(TrackerParams.defaults().maxMisses(), read.tracker().maxMisses());
    }

    @Test
    void aHarvestSettingOutOfRangeIsRefusedByName() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), "tracker:\n  harvest:\n    max_overlap: 3\n");
        Exception e = assertThrows(Exception.class, () -> MatcherFile.load(file));
        assertTrue(e.getMessage().contains("max_overlap"), e.getMessage());
    }
}
