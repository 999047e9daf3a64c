package io.crossview.matcher.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.TransitStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitRulesTest {
    private final LinkerParams params = LinkerParams.defaults();
    private final Map<String, TransitStats> learned = new HashMap<>();

    private TransitRules rules(SiteTopology topology) {
        return new TransitRules(topology, params, (a, b) -> learned.get(TransitRules.pairKey(a, b)));
    }

    @Test
    void theFileCrossviewSynthWritesIsATopology(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("topology.yaml");
        Files.writeString(file, """
                cameras: [cam1, cam2, cam3]
                overlaps:
                - cameras: [cam1, cam2]
                  shared_seconds: 78.4
                connections:
                - cameras: [cam2, cam3]
                  transits: 3
                  median_seconds: 12.8
                  min_seconds: 10.8
                  max_seconds: 15.0
                """);
        SiteTopology topology = SiteTopology.load(file);
        assertTrue(topology.overlap("cam2", "cam1"));
        assertEquals(15.0, topology.connection("cam3", "cam2").orElseThrow().maxSeconds());
        TransitRules rules = rules(topology);
        assertTrue(rules.allows("cam1", "cam2", -3000), "overlapping cameras share a person");
        assertFalse(rules.allows("cam2", "cam3", -3000), "connected, not overlapping");
        assertFalse(rules.allows("cam2", "cam3", 2000), "faster than anyone walked it");
        assertTrue(rules.allows("cam2", "cam3", 12_000));
        assertFalse(rules.allows("cam1", "cam3", 12_000), "no direct way between them");
        assertTrue(rules.allows("cam1", "cam3", 400_000), "after a long absence anything goes");
        assertTrue(rules.allows("cam1", "elsewhere", 1000), "a camera the topology does not know is not constrained");
    }

    @Test
    void aBadTopologyFileIsOneReadableLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "connections:\n- cameras: [a, a]\n  min_seconds: 1\n  max_seconds: 2\n");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> SiteTopology.load(file));
        assertTrue(e.getMessage().contains("two different cameras"), e.getMessage());
    }

    @Test
    void aLearnedWindowIsAppliedOnlyOnceThePairHasEnoughTransits() {
        TransitStats stats = TransitStats.getDefaultInstance();
        for (int i = 0; i < params.learnAfter() - 1; i++) {
            stats = LearnedTransits.record(stats, 30_000 + 100L * i);
        }
        learned.put(TransitRules.pairKey("a", "b"), stats);
        TransitRules rules = rules(SiteTopology.NONE);
        assertTrue(rules.allows("a", "b", 1000), "not enough transits yet");
        learned.put(TransitRules.pairKey("a", "b"), LearnedTransits.record(stats, 31_000));
        assertFalse(rules.allows("b", "a", 1000), "far faster than every transit seen");
        assertTrue(rules.allows("b", "a", 31_000));
        assertFalse(rules.allows("a", "b", -1000), "never seen on both at once: not overlapping");
    }

    @Test
    void aPairOftenSeenAtOnceIsLearnedAsOverlapping() {
        TransitStats stats = TransitStats.getDefaultInstance();
        for (int i = 0; i < params.learnAfter(); i++) {
            stats = LearnedTransits.record(stats, i % 2 == 0 ? -2000 : 1000);
        }
        assertEquals(List.of(true), List.of(LearnedTransits.overlapping(stats, params.learnAfter()).orElseThrow()));
        learned.put(TransitRules.pairKey("a", "b"), stats);
        assertTrue(rules(SiteTopology.NONE).allows("a", "b", -5000));
    }
}
