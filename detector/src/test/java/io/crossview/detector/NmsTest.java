package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {
    // IoU by hand (all boxes 10x10, so each has area 100):
    //   A-B: overlap 9x10 = 90, union 110 -> 0.818
    //   C-A: overlap 5x10 = 50, union 150 -> 0.333
    //   C-B: overlap 6x10 = 60, union 140 -> 0.429
    //   D is far from all of them.
    private static final PersonBox A = new PersonBox(0, 0, 10, 10, 0.9);
    private static final PersonBox B = new PersonBox(1, 0, 10, 10, 0.8);
    private static final PersonBox C = new PersonBox(5, 0, 10, 10, 0.95);
    private static final PersonBox D = new PersonBox(30, 30, 10, 10, 0.1);

    @Test
    void dropsBoxesOverlappingABetterKeptOne() {
        // C kept; A overlaps C by 0.333 < 0.5, kept; B overlaps A by 0.818, dropped; D kept.
        assertEquals(List.of(C, A, D), Nms.suppress(List.of(A, B, C, D), 0.5));
    }

    @Test
    void aStricterThresholdDropsMore() {
        // C kept; A (0.333) and B (0.429 with C) both exceed 0.3; D kept.
        assertEquals(List.of(C, D), Nms.suppress(List.of(D, B, A, C), 0.3));
    }

    @Test
    void keepsEveryBoxAtThresholdOneAndOnlyTheBestOfAStackAtZero() {
        assertEquals(List.of(C, A, B, D), Nms.suppress(List.of(A, B, C, D), 1.0));
        assertEquals(List.of(C, D), Nms.suppress(List.of(A, B, C, D), 0.0));
    }

    @Test
    void keepsTheFirstOfEqualScores() {
        PersonBox first = new PersonBox(0, 0, 10, 10, 0.5);
        PersonBox second = new PersonBox(0, 0, 10, 10, 0.5);
        List<PersonBox> kept = Nms.suppress(List.of(first, second), 0.5);
        assertEquals(1, kept.size());
        assertEquals(first, kept.get(0));
    }

    @Test
    void handlesNoBoxesAndRejectsABadThreshold() {
        assertEquals(List.of(), Nms.suppress(List.of(), 0.5));
        assertThrows(IllegalArgumentException.class, () -> Nms.suppress(List.of(A), 1.5));
        assertThrows(IllegalArgumentException.class, () -> Nms.suppress(List.of(A), Double.NaN));
    }
}
