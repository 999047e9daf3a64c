package io.crossview.deploy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    @Test
    void percentilesByNearestRank() {
        LatencyRecorder latency = new LatencyRecorder();
        assertEquals(-1, latency.percentile(50));
        for (int v = 2000; v >= 1; v--) {
            latency.record(v);
        }
        assertEquals(2000, latency.count());
        assertEquals(1000, latency.percentile(50));
        assertEquals(1980, latency.percentile(99));
        assertEquals(2000, latency.percentile(100));
        assertThrows(IllegalArgumentException.class, () -> latency.percentile(0));
    }
}
