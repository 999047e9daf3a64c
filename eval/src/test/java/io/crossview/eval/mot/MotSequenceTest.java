package io.crossview.eval.mot;

import static io.crossview.eval.mot.Rows.at;
import static io.crossview.eval.mot.Rows.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MotSequenceTest {

    @Test
    void framesAreTheSortedUnionOfBothSides() {
        MotSequence s = MotSequence.of("S", at(1, 0, 5, 2), at(9, 0, 3, 2));
        assertEquals(3, s.frameCount());
        assertEquals(2, s.frame(0).number);
        assertEquals(3, s.frame(1).number);
        assertEquals(5, s.frame(2).number);
        assertEquals(0, s.frame(1).gtSize());
        assertEquals(2, s.gtCount());
    }

    @Test
    void duplicateIdInOneFrameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MotSequence.of("MOT17-02", List.of(), concat(at(4, 0, 7), at(4, 50, 7))));
        assertTrue(e.getMessage().contains("MOT17-02: predictions has id 4 more than once in frame 7"), e.getMessage());
    }
}
