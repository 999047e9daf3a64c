package io.crossview.eval.mot;

import static io.crossview.eval.mot.Rows.concat;
import static io.crossview.eval.mot.Rows.track;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MtmcIdf1Test {
    // Person 1 walks through camera A (frames 1-5) into camera B (frames 6-10). Person 3 is in
    // camera A in frames 6-10 at the very coordinates person 1 has in camera B, so any mixing of
    // cameras would show up as extra credit.
    private static final Map<String, List<MotRow>> GT = Map.of(
            "A", concat(track(1, 0, 1, 5), track(3, 0, 6, 10)),
            "B", track(1, 0, 6, 10));

    @Test
    void keepingTheGlobalIdAcrossCamerasScoresOne() {
        Map<String, List<MotRow>> pred = Map.of(
                "A", concat(track(70, 0, 1, 5), track(90, 0, 6, 10)),
                "B", track(70, 0, 6, 10));
        IdScores s = MtmcIdf1.evaluate(GT, pred);
        assertEquals(new IdScores(15, 0, 0), s);
        assertEquals(1.0, s.idf1());
    }

    @Test
    void losingTheGlobalIdAtTheHandoverCostsHalfOfThatPerson() {
        // Camera B calls person 1 "71": global identity 1 matches 70 (5 boxes) or 71 (5), not both.
        // IDTP = 5 (person 1) + 5 (person 3) = 10 of 15: IDF1 = 2·10 / (15 + 15) = 2/3.
        Map<String, List<MotRow>> pred = Map.of(
                "A", concat(track(70, 0, 1, 5), track(90, 0, 6, 10)),
                "B", track(71, 0, 6, 10));
        IdScores s = MtmcIdf1.evaluate(GT, pred);
        assertEquals(new IdScores(10, 5, 5), s);
        assertEquals(2.0 / 3, s.idf1(), 1e-12);
        // Each camera on its own is perfect: only the multi-camera measure sees the lost handover.
        assertEquals(1.0, Idf1.evaluate(MotSequence.of("B", GT.get("B"), pred.get("B"))).idf1());
    }

    @Test
    void camerasWithoutPredictionsAreAllMisses() {
        IdScores s = MtmcIdf1.evaluate(GT, Map.of("A", concat(track(70, 0, 1, 5), track(90, 0, 6, 10))));
        assertEquals(new IdScores(10, 0, 5), s);
    }
}
