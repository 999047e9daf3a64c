package io.crossview.eval.mot;

import static io.crossview.eval.mot.Rows.at;
import static io.crossview.eval.mot.Rows.concat;
import static io.crossview.eval.mot.Rows.seq;
import static io.crossview.eval.mot.Rows.track;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotaTest {

    @Test
    void alphasAreNumpyArange() {
        assertEquals(0.05, Hota.alpha(0));
        assertEquals(0.95, Hota.alpha(18), 1e-12);
        assertEquals(0.05 + 2 * 0.05, Hota.alpha(2));
    }

    @Test
    void perfectTrackingScoresOne() {
        List<MotRow> gt = concat(track(1, 0, 1, 10), track(2, 100, 1, 10));
        HotaResult r = Hota.evaluate(seq(gt, gt));
        assertEquals(1.0, r.hota());
        assertEquals(1.0, r.detA());
        assertEquals(1.0, r.assA());
        assertEquals(1.0, r.locA());
    }

    // The three trackers of Fig. 1 in Luiten et al.: one gt trajectory of 20 frames, boxes exact.

    @Test
    void paperExampleA_halfDetectedOneId() {
        // 10 of 20 detected with one id: DetA = 10 / (10 + 10 + 0) = 0.5; the pair's Jaccard
        // TPA / (TPA + FNA + FPA) = 10 / 20 = 0.5 for each TP, so AssA = 0.5, HOTA = 0.5.
        HotaResult r = Hota.evaluate(seq(track(1, 0, 1, 20), track(7, 0, 1, 10)));
        assertEquals(0.5, r.detA(), 1e-12);
        assertEquals(0.5, r.assA(), 1e-12);
        assertEquals(0.5, r.hota(), 1e-12);
        assertEquals(1.0, r.locA(), 1e-12);
    }

    @Test
    void paperExampleB_mostlyDetectedTwoIds() {
        // 14 of 20 detected, ids 7 (frames 1-7) and 8 (8-14): DetA = 14/20 = 0.7; each pair has
        // Jaccard 7 / (20 + 7 - 7) = 0.35, so AssA = 0.35 and HOTA = sqrt(0.7 · 0.35) ≈ 0.495.
        HotaResult r = Hota.evaluate(seq(track(1, 0, 1, 20), concat(track(7, 0, 1, 7), track(8, 0, 8, 14))));
        assertEquals(0.7, r.detA(), 1e-12);
        assertEquals(0.35, r.assA(), 1e-12);
        assertEquals(Math.sqrt(0.245), r.hota(), 1e-12);
    }

    @Test
    void paperExampleC_allDetectedFourIds() {
        // All 20 detected by 4 ids of 5 frames: DetA = 1, AssA = 5/20 = 0.25, HOTA = 0.5.
        List<MotRow> pred = concat(track(7, 0, 1, 5), track(8, 0, 6, 10), track(9, 0, 11, 15), track(10, 0, 16, 20));
        HotaResult r = Hota.evaluate(seq(track(1, 0, 1, 20), pred));
        assertEquals(1.0, r.detA(), 1e-12);
        assertEquals(0.25, r.assA(), 1e-12);
        assertEquals(0.5, r.hota(), 1e-12);
    }

    @Test
    void localisationThresholdsSplitAtTheMatchIou() {
        // One frame, gt 10x10 and a 10x15 box on it: IoU = 100 / 150 = 2/3. At the 13 alphas
        // 0.05..0.65 it is a TP (DetA = AssA = HOTA = 1, LocA = 2/3); at 0.70..0.95 it is a FN
        // and a FP (all 0, LocA 1 by TrackEval's max(1e-10, ·) convention).
        HotaResult r = Hota.evaluate(seq(List.of(MotRow.of(1, 1, 0, 0, 10, 10)), List.of(MotRow.of(1, 7, 0, 0, 10, 15))));
        assertEquals(1, r.tp(12));
        assertEquals(0, r.tp(13));
        assertEquals(1, r.fn(13));
        assertEquals(1, r.fp(13));
        assertEquals(13.0 / 19, r.hota(), 1e-12);
        assertEquals(13.0 / 19, r.detA(), 1e-12);
        assertEquals(13.0 / 19, r.assA(), 1e-12);
        assertEquals((13 * (2.0 / 3) + 6) / 19, r.locA(), 1e-12);
    }

    @Test
    void idSwitchHalvesAssociation() {
        HotaResult r = Hota.evaluate(seq(track(1, 0, 1, 10), concat(track(7, 0, 1, 5), track(8, 0, 6, 10))));
        assertEquals(1.0, r.detA(), 1e-12);
        assertEquals(0.5, r.assA(), 1e-12);
        assertEquals(Math.sqrt(0.5), r.hota(), 1e-12);
    }

    @Test
    void matchingFollowsGlobalAlignmentNotJustIou() {
        // Hypothesis 7 follows gt 1 for 10 frames at IoU 7/13; in frame 10 hypothesis 8 appears
        // exactly on the object. TrackEval scores pairs by alignment · IoU: 7's alignment with 1
        // is ≈ 0.88 (≈ 0.47 after IoU), 8's only ≈ 0.06, so 7 keeps the object and 8 is a FP.
        HotaResult r = Hota.evaluate(seq(track(1, 0, 1, 10), concat(track(7, 3, 1, 10), at(8, 0, 10))));
        assertEquals(10, r.tp(0));
        assertEquals(1, r.fp(0));
        assertEquals(1.0, r.assA(0), 1e-12);
        assertEquals(0, r.tp(10)); // alpha 0.55 > 7/13
    }

    @Test
    void emptyPredictionsOrGroundTruth() {
        HotaResult noPred = Hota.evaluate(seq(track(1, 0, 1, 4), List.of()));
        assertEquals(0.0, noPred.hota());
        assertEquals(1.0, noPred.locA());
        assertEquals(4, noPred.fn(5));
        HotaResult noGt = Hota.evaluate(seq(List.of(), track(1, 0, 1, 3)));
        assertEquals(0.0, noGt.hota());
        assertEquals(3, noGt.fp(18));
    }

    @Test
    void combineSumsCountsAndWeightsAssociationByTruePositives() {
        // Example A (TP 10, FN 10, AssA 0.5) with example C (TP 20, AssA 0.25):
        // DetA = 30 / 40 = 0.75, AssA = (0.5·10 + 0.25·20) / 30 = 1/3, HOTA = sqrt(0.25) = 0.5.
        HotaResult a = Hota.evaluate(seq(track(1, 0, 1, 20), track(7, 0, 1, 10)));
        HotaResult c = Hota.evaluate(seq(track(1, 0, 1, 20),
                concat(track(7, 0, 1, 5), track(8, 0, 6, 10), track(9, 0, 11, 15), track(10, 0, 16, 20))));
        HotaResult all = HotaResult.combine(List.of(a, c));
        assertEquals(0.75, all.detA(), 1e-12);
        assertEquals(1.0 / 3, all.assA(), 1e-12);
        assertEquals(0.5, all.hota(), 1e-12);
        assertEquals(1.0, all.locA(), 1e-12);
    }
}
