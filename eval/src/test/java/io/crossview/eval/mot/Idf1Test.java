package io.crossview.eval.mot;

import static io.crossview.eval.mot.Rows.at;
import static io.crossview.eval.mot.Rows.concat;
import static io.crossview.eval.mot.Rows.seq;
import static io.crossview.eval.mot.Rows.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Idf1Test {

    @Test
    void perfectTrackingScoresOne() {
        List<MotRow> gt = concat(track(1, 0, 1, 10), track(2, 100, 1, 10));
        IdScores s = Idf1.evaluate(seq(gt, gt));
        assertEquals(new IdScores(20, 0, 0), s);
        assertEquals(1.0, s.idf1());
    }

    @Test
    void idSwitchHalvesIdentityCredit() {
        // One gt trajectory of 10 boxes, predicted as 7 (frames 1-5) then 8 (6-10). Only one of
        // them can be the identity's match: IDTP 5, IDFN 10 - 5, IDFP 10 - 5.
        // IDF1 = 2·5 / (10 + 10) = 0.5, IDP = IDR = 0.5 (Ristani et al., eq. 9-11).
        IdScores s = Idf1.evaluate(seq(track(1, 0, 1, 10), concat(track(7, 0, 1, 5), track(8, 0, 6, 10))));
        assertEquals(new IdScores(5, 5, 5), s);
        assertEquals(0.5, s.idf1());
        assertEquals(0.5, s.idp());
        assertEquals(0.5, s.idr());
    }

    @Test
    void globalMatchingPicksTheLongerOverlap() {
        // Hypothesis 7 follows gt 1 for 7 frames then gt 2 for 3; hypothesis 8 does the reverse.
        // Best global pairing: 1<->7 (7) and 2<->8 (7): IDTP 14 of 20 boxes on each side.
        List<MotRow> gt = concat(track(1, 0, 1, 10), track(2, 100, 1, 10));
        List<MotRow> pred = concat(track(7, 0, 1, 7), track(7, 100, 8, 10), track(8, 100, 1, 7), track(8, 0, 8, 10));
        IdScores s = Idf1.evaluate(seq(gt, pred));
        assertEquals(new IdScores(14, 6, 6), s);
        assertEquals(0.7, s.idf1(), 1e-12);
    }

    @Test
    void extraHypothesesAreIdentityFalsePositives() {
        // 5 boxes tracked perfectly plus 5 boxes of a phantom: IDP 5/10, IDR 1.
        IdScores s = Idf1.evaluate(seq(track(1, 0, 1, 5), concat(track(7, 0, 1, 5), track(9, 300, 1, 5))));
        assertEquals(new IdScores(5, 5, 0), s);
        assertEquals(2.0 / 3, s.idf1(), 1e-12);
    }

    @Test
    void noBoxesGiveNaNRatios() {
        IdScores s = Idf1.evaluate(seq(List.of(), List.of()));
        assertTrue(Double.isNaN(s.idf1()));
        assertTrue(Double.isNaN(s.idp()));
    }

    @Test
    void everyPairWithinDistanceCountsAsPotentialMatch() {
        // Two hypotheses both within IoU 0.5 of the same gt box in one frame: each pair may be the
        // identity match (py-motmetrics counts RAW pairs, not CLEAR's one-to-one matches). Frame 2
        // has only hypothesis 8, so 1<->8 is the better identity pair: IDTP 2.
        IdScores s = Idf1.evaluate(seq(track(1, 0, 1, 2), concat(at(7, 3, 1), at(8, 0, 1, 2))));
        assertEquals(new IdScores(2, 1, 0), s);
    }
}
