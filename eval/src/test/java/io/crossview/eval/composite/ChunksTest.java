package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {
    private static final Chunks.Rules RULES = new Chunks.Rules(15, 50, 5);

    @Test
    void oneLongRunIsCutIntoEqualPiecesWithFramesLeftOutBetween() {
        // 65 frames: 3 pieces of (65 - 2·5) / 3 = 18 with 5 left out between them; 1 frame to spare
        List<Stretch> pieces = Chunks.pick(List.of(new Stretch(100, 164)), 3, RULES);
        assertEquals(List.of(new Stretch(100, 117), new Stretch(123, 140), new Stretch(146, 163)), pieces);
    }

    @Test
    void piecesGoToTheRunsWhereTheyComeOutLongestAndNeverPassTheMaximum() {
        // the 200-frame run has room for three pieces of the maximum 50; the 40 frames to spare
        // beyond the gaps go a sixth before, a third between each two and a sixth after
        List<Stretch> pieces = Chunks.pick(List.of(new Stretch(0, 19), new Stretch(30, 229)), 3, RULES);
        assertEquals(List.of(new Stretch(36, 85), new Stretch(105, 154), new Stretch(173, 222)), pieces);
    }

    @Test
    void piecesOfOneRunKeepTheGapBetweenThemWheneverTheRunHasRoomForIt() {
        for (int length = 55; length <= 200; length++) {
            List<Stretch> pieces = Chunks.pick(List.of(new Stretch(0, length - 1)), 3, RULES);
            assertEquals(3, pieces.size(), "run of " + length);
            for (int i = 1; i < 3; i++) {
                int leftOut = pieces.get(i).first() - pieces.get(i - 1).last() - 1;
                assertTrue(leftOut >= RULES.gap(), "run of " + length + ": " + pieces);
            }
        }
    }

    @Test
    void tooFewCleanFramesGiveNoPiecesAtAll() {
        assertEquals(List.of(), Chunks.pick(List.of(new Stretch(0, 40), new Stretch(60, 70)), 3, RULES));
    }

    @Test
    void runsAreTheMaximalBlocksOfConsecutiveFrames() {
        assertEquals(List.of(new Stretch(1, 3), new Stretch(7, 7), new Stretch(9, 10)),
                Stretch.runs(List.of(9, 2, 1, 3, 7, 10)));
    }
}
