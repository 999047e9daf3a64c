package io.crossview.ingest.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeArgTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant parse(String text) {
        return TimeArg.parse(text, NOW, PARIS);
    }

    @Test
    void isoInstantsWithZOrAnOffsetAreAbsolute() {
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), parse("2026-12-01T10:00:00Z"));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), parse("2026-12-01T11:00:00+01:00"));
        assertEquals(Instant.parse("2026-12-01T10:00:00.250Z"), parse("2026-12-01T10:00:00.250Z"));
    }

    @Test
    void localDateTimesAreReadInTheGivenZoneWithTOrASpace() {
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), parse("2026-12-01T10:00:00"));
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), parse("2026-12-01 10:00:00"));
        assertEquals(Instant.parse("2026-12-01T09:30:00Z"), parse("2026-12-01 10:30"));
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), parse("2026-12-01"));
    }

    @Test
    void epochMillisecondsNowAndTimesBeforeNow() {
        assertEquals(Instant.ofEpochMilli(1796119200000L), parse("1796119200000"));
        assertEquals(NOW, parse("now"));
        assertEquals(NOW.minusSeconds(30), parse("-30s"));
        assertEquals(NOW.minusSeconds(15 * 60), parse("-15m"));
        assertEquals(NOW.minusSeconds(2 * 3600), parse("-2h"));
        assertEquals(NOW.minusSeconds(86400), parse("-1d"));
        assertEquals(NOW.minusMillis(500), parse("-500ms"));
        assertEquals(Instant.ofEpochMilli(1001), TimeArg.parse("now", Instant.ofEpochSecond(1, 1_999_999), PARIS),
                "whole milliseconds, like capture times");
    }

    @Test
    void anUnknownFormIsRejectedNamingTheAcceptedForms() {
        for (String bad : new String[] {"yesterday", "12/01/2026", "-5w", "1700000", "2026-13-01T00:00:00Z", " "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad));
            assertTrue(e.getMessage().contains("ISO-8601") && e.getMessage().contains("-15m"), e.getMessage());
        }
    }
}
