package io.crossview.detector.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HogPyramidTest {
    // One 64x128 window reports a box 0.8 x 128 = 102.4 px tall on an unscaled picture.
    private static final double BOX_AT_SCALE_1 = 102.4;

    @Test
    void startsAtTheUpscaleWhenItsFinestBoxesAreWanted() {
        // 102.4 / 1.8 = 56.9 >= 50: level 0 is useful; 56.9 * 1.2^7 = 204 <= 224 < 56.9 * 1.2^8.
        HogPyramid p = HogPyramid.plan(settings(1.8, 1.2, 50, 224), BOX_AT_SCALE_1);
        assertEquals(1.8, p.startScale(), 1e-12);
        assertEquals(8, p.levels());
    }

    @Test
    void skipsLevelsThatOnlyGiveBoxesBelowTheMinimum() {
        // 102.4 / 2 = 51.2 < 56, 51.2 * 1.2 = 61.4 >= 56: start one level down, at 2 / 1.2.
        // Boxes 61.4 * 1.2^k stay <= 224 up to k = 7.
        HogPyramid p = HogPyramid.plan(settings(2.0, 1.2, 56, 224), BOX_AT_SCALE_1);
        assertEquals(2.0 / 1.2, p.startScale(), 1e-12);
        assertEquals(8, p.levels());
    }

    @Test
    void keepsALevelThatGivesExactlyTheMinimum() {
        HogPyramid p = HogPyramid.plan(settings(2.0, 1.25, 64, 64), BOX_AT_SCALE_1);
        // 51.2 * 1.25 = 64 exactly.
        assertEquals(1.6, p.startScale(), 1e-12);
        assertEquals(1, p.levels());
    }

    @Test
    void refusesARangeNoLevelCanGive() {
        // Levels give 51.2 * 1.2^k = 61.4, 73.7: nothing in [62, 70].
        IllegalArgumentException between = assertThrows(IllegalArgumentException.class,
                () -> HogPyramid.plan(settings(2.0, 1.2, 62, 70), BOX_AT_SCALE_1));
        assertTrue(between.getMessage().contains("62..70"), between.getMessage());
        // The finest level already gives 51.2 px boxes.
        assertThrows(IllegalArgumentException.class,
                () -> HogPyramid.plan(settings(2.0, 1.2, 20, 40), BOX_AT_SCALE_1));
    }

    private static HogSettings settings(double upscale, double step, int min, int max) {
        return new HogSettings(upscale, 0, 8, step, 0, min, max, 0.3);
    }
}
