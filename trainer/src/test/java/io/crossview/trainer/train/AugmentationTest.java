package io.crossview.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.embedder.runtime.Preprocessing;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final Preprocessing PRE = TrainerTest.PRE;
    private static final int PLANE = PRE.height() * PRE.width();

    /** A picture whose raw value in [0, 1] is {@code raw(c, y, x)}, normalised as the network reads it. */
    private static float[] picture(java.util.function.IntBinaryOperator rawTimes100, int channel) {
        float[] pic = new float[3 * PLANE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < PRE.height(); y++) {
                for (int x = 0; x < PRE.width(); x++) {
                    double raw = (c == channel ? rawTimes100.applyAsInt(y, x) : 50) / 100.0;
                    pic[c * PLANE + y * PRE.width() + x] = (float) ((raw - PRE.mean()[c]) / PRE.std()[c]);
                }
            }
        }
        return pic;
    }

    private static double raw(float[] pic, int c, int i) {
        return pic[c * PLANE + i] * PRE.std()[c] + PRE.mean()[c];
    }

    private static float[] apply(Augmentation a, float[] src, long seed) {
        float[] out = new float[src.length];
        a.apply(src, out, 0, PRE, new SplittableRandom(seed));
        return out;
    }

    @Test
    void noAugmentationCopiesThePicture() {
        float[] src = picture((y, x) -> y + x, 0);
        assertTrue(Arrays.equals(src, apply(Augmentation.NONE, src, 1)));
    }

    @Test
    void cropJitterEnlargesAndShiftsButKeepsAConstantPictureConstant() {
        Augmentation crop = new Augmentation(true, false, false, false);
        float[] flat = picture((y, x) -> 30, 0);
        for (long seed = 0; seed < 10; seed++) {
            float[] out = apply(crop, flat, seed);
            for (int i = 0; i < out.length; i++) {
                assertEquals(flat[i], out[i], 1e-5f);
            }
        }
        // a horizontal ramp: an enlarged crop has a gentler slope than the original
        float[] ramp = picture((y, x) -> x, 0);
        int changed = 0;
        for (long seed = 0; seed < 20; seed++) {
            float[] out = apply(crop, ramp, seed);
            if (!Arrays.equals(out, ramp)) {
                changed++;
                double slope = (raw(out, 0, PRE.width() - 2) - raw(out, 0, 1)) / (PRE.width() - 3);
                assertEquals(0.01 / 1.125, slope, 1e-4, "the crop is enlarged 1.125x");
            }
        }
        assertTrue(changed > 4 && changed < 16, changed + " of 20 jittered, about half expected");
    }

    @Test
    void colourJitterScalesBrightnessAndContrastWithinTorchreidsRanges() {
        Augmentation colour = new Augmentation(false, false, true, false);
        float[] stripes = picture((y, x) -> y % 2 == 0 ? 40 : 60, 1);
        boolean differs = false;
        for (long seed = 0; seed < 20; seed++) {
            float[] out = apply(colour, stripes, seed);
            double dark = raw(out, 1, 0);
            double light = raw(out, 1, PRE.width());
            double spread = (light - dark) / 0.2;
            assertTrue(spread > 0.8 * 0.85 - 1e-4 && spread < 1.2 * 1.15 + 1e-4, "spread " + spread);
            double mean = (raw(out, 2, 0) + raw(out, 2, PRE.width())) / 2;
            assertTrue(mean > 0.5 * 0.8 - 0.05 && mean < 0.5 * 1.2 + 0.05, "mean " + mean);
            differs |= Math.abs(spread - 1) > 0.01;
        }
        assertTrue(differs);
    }

    @Test
    void erasingSetsOneRectangleOfTwoToFortyPercentToTheMeanColour() {
        Augmentation erase = new Augmentation(false, false, false, true);
        float[] src = picture((y, x) -> 90, 0);
        int erased = 0;
        for (long seed = 0; seed < 40; seed++) {
            float[] out = apply(erase, src, seed);
            int zeros = 0;
            for (int i = 0; i < PLANE; i++) {
                if (out[i] == 0f) {
                    zeros++;
                    assertEquals(0f, out[PLANE + i], "every channel of an erased pixel");
                } else {
                    assertEquals(src[i], out[i]);
                }
            }
            if (zeros > 0) {
                erased++;
                // the rounded rectangle may fall a little outside the drawn area
                assertTrue(zeros >= 0.01 * PLANE && zeros <= 0.45 * PLANE, zeros + " of " + PLANE + " erased");
            }
        }
        assertTrue(erased > 10 && erased < 30, erased + " of 40 erased, about half expected");
    }

    @Test
    void oneSeedGivesOneAugmentation() {
        float[] src = picture((y, x) -> (y * 7 + x * 3) % 100, 2);
        assertTrue(Arrays.equals(apply(Augmentation.ALL, src, 5), apply(Augmentation.ALL, src, 5)));
        assertNotEquals(Arrays.hashCode(apply(Augmentation.ALL, src, 5)), Arrays.hashCode(apply(Augmentation.ALL, src, 6)));
    }

    @Test
    void parsesListsAndRejectsUnknownNames() {
        assertEquals(Augmentation.ALL, Augmentation.parse("all"));
        assertEquals(Augmentation.NONE, Augmentation.parse(" none "));
        assertEquals(new Augmentation(false, true, false, true), Augmentation.parse("flip, erase"));
        assertEquals(Augmentation.ALL, Augmentation.parse(Augmentation.ALL.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("flip,blur"));
        assertTrue(e.getMessage().contains("blur"));
    }
}
