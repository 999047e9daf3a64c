package io.crossview.ingest.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeedTest {
    @Test
    void factorsWithOrWithoutXAndMaxAreRead() {
        assertEquals(4.0, Speed.parse("4x").factor());
        assertEquals(0.5, Speed.parse("0.5x").factor());
        assertEquals(2.0, Speed.parse("2").factor());
        assertFalse(Speed.parse("MAX").paced());
        assertEquals("4x", Speed.parse("4X").toString());
        assertEquals("0.5x", Speed.parse("0.5x").toString());
    }

    @Test
    void aFrameIsDueAtItsCaptureOffsetDividedByTheSpeed() {
        assertEquals(250_000_000L, Speed.parse("4x").dueNanos(1000));
        assertEquals(2_000_000_000L, Speed.parse("0.5x").dueNanos(1000));
        assertEquals(0, Speed.MAX.dueNanos(1000));
    }

    @Test
    void anUnknownSpeedIsRejectedNamingTheAcceptedForms() {
        for (String bad : new String[] {"fast", "0x", "-2x", "x", "", "infinityx"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Speed.parse(bad));
            assertTrue(e.getMessage().contains("1x") && e.getMessage().contains("max"), e.getMessage());
        }
    }
}
