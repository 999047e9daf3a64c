package io.crossview.eval.mot;

import static io.crossview.eval.mot.Rows.at;
import static io.crossview.eval.mot.Rows.concat;
import static io.crossview.eval.mot.Rows.seq;
import static io.crossview.eval.mot.Rows.track;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClearMotTest {
    private static final double IOU_D3 = 7.0 / 13;

    @Test
    void perfectTracking() {
        List<MotRow> gt = concat(track(1, 0, 1, 10), track(2, 100, 3, 8));
        ClearMot.Counts c = ClearMot.evaluate(seq(gt, gt));
        assertEquals(16, c.matches());
        assertEquals(0, c.switches() + c.falsePositives() + c.misses() + c.fragmentations());
        assertEquals(1.0, c.mota());
        assertEquals(1.0, c.motp());
        assertEquals(1.0, c.recall());
        assertEquals(1.0, c.precision());
        assertEquals(2, c.mostlyTracked());
    }

    @Test
    void singleIdSwitch() {
        // gt 1 in frames 1-10; hypothesis 7 covers 1-5, hypothesis 8 covers 6-10, all IoU 1.
        // Frame 6: 7 is gone, the assignment pairs 1 with 8, whose last hypothesis was 7: a switch.
        // MATCH 9, SWITCH 1, FP 0, FN 0 -> MOTA = 1 - (0 + 0 + 1) / 10 = 0.9; recall = 10/10.
        ClearMot.Counts c = ClearMot.evaluate(seq(track(1, 0, 1, 10),
                concat(track(7, 0, 1, 5), track(8, 0, 6, 10))));
        assertEquals(9, c.matches());
        assertEquals(1, c.switches());
        assertEquals(0.9, c.mota(), 1e-12);
        assertEquals(1.0, c.recall());
        assertEquals(0, c.fragmentations());
    }

    @Test
    void falsePositivesAndMissesOnly() {
        // 4 gt boxes of which 1 is missed; 2 hypotheses never near any object.
        List<MotRow> gt = concat(track(1, 0, 1, 3), at(2, 100, 1));
        List<MotRow> pred = concat(track(5, 0, 1, 3), at(6, 300, 1, 2));
        ClearMot.Counts c = ClearMot.evaluate(seq(gt, pred));
        assertEquals(2, c.falsePositives());
        assertEquals(1, c.misses());
        assertEquals(0, c.switches());
        // MOTA = 1 - (1 + 2 + 0) / 4 = 0.25; precision = 3 / 5; recall = 3 / 4.
        assertEquals(0.25, c.mota(), 1e-12);
        assertEquals(0.6, c.precision(), 1e-12);
        assertEquals(0.75, c.recall(), 1e-12);
    }

    @Test
    void boxesBelowHalfIouAreMissPlusFalsePositive() {
        // d = 4: IoU 6/14 < 0.5, so no match: 1 FN and 1 FP.
        ClearMot.Counts c = ClearMot.evaluate(seq(at(1, 0, 1), at(9, 4, 1)));
        assertEquals(1, c.misses());
        assertEquals(1, c.falsePositives());
        assertEquals(0, c.detections());
        assertEquals(-1.0, c.mota(), 1e-12);
    }

    @Test
    void correctAverageFromClearMotFigure3() {
        // py-motmetrics test_metrics.test_correct_average (figure 3 of Bernardin & Stiefelhagen):
        // 4 frames with objects 1-4 untracked, then 4 frames with object 4 tracked: MOTA = 0.2.
        List<MotRow> gt = concat(track(1, 0, 1, 4), track(2, 100, 1, 4), track(3, 200, 1, 4), track(4, 300, 1, 8));
        ClearMot.Counts c = ClearMot.evaluate(seq(gt, track(4, 300, 5, 8)));
        assertEquals(0.2, c.mota(), 1e-12);
    }

    @Test
    void fragmentationsCountMissRunsBetweenMatches() {
        // Matched in 1-3, 6-8 and 10, missed in 4-5 and 9: two interrupted stretches -> Frag 2.
        // Frame 6 pairs 1 with 7 again: same hypothesis as before the gap, so no switch.
        ClearMot.Counts c = ClearMot.evaluate(seq(track(1, 0, 1, 10), at(7, 0, 1, 2, 3, 6, 7, 8, 10)));
        assertEquals(2, c.fragmentations());
        assertEquals(3, c.misses());
        assertEquals(0, c.switches());
        assertEquals(0.7, c.mota(), 1e-12);
        assertEquals(1, c.partiallyTracked());
    }

    @Test
    void missesBeforeFirstOrAfterLastMatchAreNoFragmentation() {
        ClearMot.Counts c = ClearMot.evaluate(seq(track(1, 0, 1, 10), track(7, 0, 3, 8)));
        assertEquals(0, c.fragmentations());
        assertEquals(4, c.misses());
    }

    @Test
    void mostlyTrackedBoundaries() {
        // Tracked ratios 0.8 -> MT (>= 0.8), 0.7 -> PT, 0.2 -> PT (>= 0.2), 0.1 -> ML, 0 -> ML.
        List<MotRow> gt = concat(track(1, 0, 1, 10), track(2, 100, 1, 10), track(3, 200, 1, 10),
                track(4, 300, 1, 10), track(5, 400, 1, 10));
        List<MotRow> pred = concat(track(11, 0, 1, 8), track(12, 100, 1, 7), track(13, 200, 1, 2),
                track(14, 300, 1, 1));
        ClearMot.Counts c = ClearMot.evaluate(seq(gt, pred));
        assertEquals(1, c.mostlyTracked());
        assertEquals(2, c.partiallyTracked());
        assertEquals(2, c.mostlyLost());
    }

    @Test
    void lastFramePairIsKeptWhileStillValidEvenIfAnotherFitsBetter() {
        // Frame 1: 1-7 at IoU 7/13. Frame 2: 7 still at 7/13 and 8 exactly on the object. The
        // established pair is kept (py-motmetrics step 1): no switch, 8 is a false positive.
        ClearMot.Counts c = ClearMot.evaluate(seq(track(1, 0, 1, 2), concat(at(7, 3, 1, 2), at(8, 0, 2))));
        assertEquals(0, c.switches());
        assertEquals(2, c.matches());
        assertEquals(1, c.falsePositives());
        assertEquals(IOU_D3, c.motp(), 1e-12);
    }

    @Test
    void pairsAreOnlyCarriedFromTheImmediatelyPreviousFrame() {
        // Frame 2 misses object 1 (hypothesis 7 is elsewhere). In frame 3 the old pair 1-7 is not
        // carried, the assignment prefers 8 (IoU 1 over 7/13), and 8 differs from 1's last
        // hypothesis 7: one switch, and 7 becomes a false positive.
        List<MotRow> pred = concat(at(7, 3, 1, 3), at(7, 500, 2), at(8, 0, 3));
        ClearMot.Counts c = ClearMot.evaluate(seq(track(1, 0, 1, 3), pred));
        assertEquals(1, c.switches());
        assertEquals(1, c.matches());
        assertEquals(1, c.misses());
        assertEquals(2, c.falsePositives());
    }

    @Test
    void switchIsCountedAcrossFramesWhereTheObjectIsAbsent() {
        // Object 1 is annotated in frames 1 and 5 only; it reappears with another hypothesis.
        List<MotRow> gt = concat(at(1, 0, 1, 5), track(2, 100, 1, 5));
        List<MotRow> pred = concat(at(7, 0, 1), at(8, 0, 5), track(9, 100, 1, 5));
        ClearMot.Counts c = ClearMot.evaluate(seq(gt, pred));
        assertEquals(1, c.switches());
        assertEquals(0, c.fragmentations());
    }

    @Test
    void countsPoolBySummation() {
        ClearMot.Counts a = ClearMot.evaluate(seq(track(1, 0, 1, 10), track(1, 0, 1, 10)));
        ClearMot.Counts b = ClearMot.evaluate(seq(track(1, 0, 1, 2), List.of()));
        ClearMot.Counts ab = a.plus(b);
        // Pooled, not averaged: 1 - 2 / 12, where the mean of 1.0 and 0.0 would be 0.5.
        assertEquals(1 - 2.0 / 12, ab.mota(), 1e-12);
        assertEquals(12, ab.numObjects());
        assertEquals(1, ab.mostlyTracked());
        assertEquals(1, ab.mostlyLost());
    }
}
