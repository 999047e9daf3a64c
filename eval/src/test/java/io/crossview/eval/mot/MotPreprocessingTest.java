package io.crossview.eval.mot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MotPreprocessingTest {
    // Frame 1: a pedestrian (class 1), a static person (class 7, a MOT17 distractor) and a
    // pedestrian whose consider flag is 0. Predictions sit on each of them plus one in empty space.
    private static final List<MotRow> GT = List.of(
            new MotRow(1, 1, 0, 0, 10, 10, 1, 1, 1),
            new MotRow(1, 2, 100, 0, 10, 10, 1, 7, 1),
            new MotRow(1, 3, 200, 0, 10, 10, 0, 1, 1));
    private static final List<MotRow> PRED = List.of(
            new MotRow(1, 11, 0, 0, 10, 10, 1, -1, -1),
            new MotRow(1, 12, 101, 0, 10, 10, 1, -1, -1),
            new MotRow(1, 13, 200, 0, 10, 10, 1, -1, -1),
            new MotRow(1, 14, 500, 0, 10, 10, -5, -1, -1));

    @Test
    void noneKeepsDistractorsAndFiltersByConfidenceOnly() {
        MotPreprocessing.Filtered f = MotPreprocessing.apply(MotPreprocessing.Mode.NONE, GT, PRED);
        assertEquals(List.of(1L, 2L), f.gt().stream().map(MotRow::id).toList());
        assertEquals(List.of(11L, 12L, 13L), f.pred().stream().map(MotRow::id).toList());
    }

    @Test
    void trackEvalModeDropsPredictionsOnDistractorsAndNonPedestrianGroundTruth() {
        MotPreprocessing.Filtered f = MotPreprocessing.apply(MotPreprocessing.Mode.TRACKEVAL_MOT17, GT, PRED);
        assertEquals(List.of(1L), f.gt().stream().map(MotRow::id).toList());
        // 12 matched the static person and is removed; 13 matched a flag-0 pedestrian (not a
        // distractor) and stays, to count as a false positive as in TrackEval.
        assertEquals(List.of(11L, 13L, 14L), f.pred().stream().map(MotRow::id).toList());
    }
}
