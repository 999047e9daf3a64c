package io.crossview.ingest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theDelayDoublesPerAttemptUpToTheCap() {
        Backoff backoff = new Backoff(500, 4_000, 0);
        assertEquals(500, backoff.delayMs(1, () -> 0.5));
        assertEquals(1_000, backoff.delayMs(2, () -> 0.5));
        assertEquals(2_000, backoff.delayMs(3, () -> 0.5));
        assertEquals(4_000, backoff.delayMs(4, () -> 0.5));
        assertEquals(4_000, backoff.delayMs(40, () -> 0.5));
    }

    @Test
    void jitterSpreadsDelaysWithinItsFraction() {
        Backoff backoff = new Backoff(1_000, 30_000, 0.3);
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1_000; i++) {
            long d = backoff.delayMs(3, random::nextDouble);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(min >= 2_800 && max <= 5_200, min + ".." + max);
        assertTrue(max - min > 2_000, "delays are spread, not equal: " + min + ".." + max);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 10, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 1000, 1.0));
    }
}
