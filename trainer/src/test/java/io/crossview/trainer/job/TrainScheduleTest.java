package io.crossview.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void firstJobIsDueAtOnceThenAfterTheInterval() {
        TrainSchedule s = new TrainSchedule(Duration.ofHours(6), 0);
        assertEquals("first job", s.due(T0, 0));
        s.ran(T0, 0);
        assertNull(s.due(T0.plus(Duration.ofHours(5)), 10_000));
        assertEquals("6h since the last job", s.due(T0.plus(Duration.ofHours(6)), 0));
    }

    @Test
    void newCropsStartAJobBeforeTheInterval() {
        TrainSchedule s = new TrainSchedule(Duration.ofHours(6), 500);
        s.ran(T0, 1000);
        assertNull(s.due(T0.plusSeconds(60), 1499));
        assertEquals("500 new crops", s.due(T0.plusSeconds(60), 1500));
    }

    @Test
    void cropCountAloneIsASchedule() {
        TrainSchedule s = new TrainSchedule(null, 100);
        s.ran(T0, 0);
        assertNull(s.due(T0.plus(Duration.ofDays(30)), 99));
        assertEquals("100 new crops", s.due(T0, 100));
    }

    @Test
    void durationsReadAsUsersWriteThem() {
        assertEquals(Duration.ofHours(6), TrainSchedule.parseDuration("6h"));
        assertEquals(Duration.ofMinutes(30), TrainSchedule.parseDuration("30m"));
        assertEquals(Duration.ofSeconds(90), TrainSchedule.parseDuration("90s"));
        assertEquals(Duration.ofDays(1), TrainSchedule.parseDuration("1d"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainSchedule.parseDuration("6 hours"));
        assertEquals("'6 hours' is not a duration such as 90s, 30m, 6h or 1d", e.getMessage());
    }

    @Test
    void aScheduleWithNeitherTriggerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainSchedule(null, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainSchedule(Duration.ZERO, 0));
    }
}
