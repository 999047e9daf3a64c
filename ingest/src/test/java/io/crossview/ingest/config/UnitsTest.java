package io.crossview.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(500, Units.millis("500ms"));
        assertEquals(5_000, Units.millis("5s"));
        assertEquals(2_500, Units.millis("2.5"));
        assertEquals(120_000, Units.millis("2m"));
        assertEquals(6 * 3_600_000L, Units.millis("6h"));
        assertEquals(7 * 86_400_000L, Units.millis("7d"));
        assertThrows(IllegalArgumentException.class, () -> Units.millis("soon"));
    }

    @Test
    void sizesTellDecimalFromBinaryUnits() {
        assertEquals(64L << 20, Units.bytes("64MiB"));
        assertEquals(20_000_000_000L, Units.bytes("20GB"));
        assertEquals(1024, Units.bytes("1 KiB"));
        assertEquals(777, Units.bytes("777"));
        assertThrows(IllegalArgumentException.class, () -> Units.bytes("lots"));
    }
}
