package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColourCastTest {
    private static int[] apply(ColourCast cast, int b, int g, int r) {
        int[] out = new int[3];
        cast.apply(b, g, r, out);
        return out;
    }

    @Test
    void theNeutralCastLeavesEveryColourAsItIs() {
        assertArrayEquals(new int[] {12, 140, 255}, apply(ColourCast.NEUTRAL, 12, 140, 255));
        assertArrayEquals(new int[] {0, 0, 0}, apply(ColourCast.NEUTRAL, 0, 0, 0));
    }

    @Test
    void gainWhiteBalanceSaturationAndBlackLevelEachDoWhatTheySay() {
        assertArrayEquals(new int[] {60, 120, 180}, apply(new ColourCast(1.5, 1, 1, 1, 1, 0), 40, 80, 120));
        assertArrayEquals(new int[] {80, 80, 132}, apply(new ColourCast(1, 1, 1, 1.1, 1, 0), 80, 80, 120));
        assertArrayEquals(new int[] {80, 80, 80}, apply(new ColourCast(1, 1, 1, 1, 0, 0), 40, 80, 120));
        // a black level lifts black and leaves white white
        assertArrayEquals(new int[] {10, 10, 10}, apply(new ColourCast(1, 1, 1, 1, 1, 10), 0, 0, 0));
        assertArrayEquals(new int[] {255, 255, 255}, apply(new ColourCast(1, 1, 1, 1, 1, 10), 255, 255, 255));
    }

    @Test
    void outputStaysInsideTheByteRange() {
        assertArrayEquals(new int[] {255, 255, 0}, apply(new ColourCast(2, 1, 1, 1, 2, 0), 200, 250, 0));
    }

    @Test
    void theFirstCameraStaysNearNeutralWhileTheOthersVaryWidely() {
        double firstWarmth = 0;
        double otherWarmth = 0;
        double otherGain = 0;
        for (long seed = 0; seed < 200; seed++) {
            ColourCast first = ColourCast.random(new SplittableRandom(seed), 0);
            ColourCast other = ColourCast.random(new SplittableRandom(seed), 2);
            firstWarmth = Math.max(firstWarmth, Math.abs(first.castB() - 1));
            assertTrue(Math.abs(first.gain() - 1) <= 0.05 && Math.abs(first.saturation() - 1) <= 0.05,
                    first.toString());
            otherWarmth = Math.max(otherWarmth, Math.abs(other.castB() - 1));
            otherGain = Math.max(otherGain, Math.abs(other.gain() - 1));
        }
        assertTrue(firstWarmth <= 0.04, "first camera warmth " + firstWarmth);
        assertTrue(otherWarmth > 0.12, "other cameras' warmth " + otherWarmth);
        assertTrue(otherGain > 0.15, "other cameras' gain " + otherGain);
        assertEquals(ColourCast.random(new SplittableRandom(9), 1), ColourCast.random(new SplittableRandom(9), 1));
    }
}
