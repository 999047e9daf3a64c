package io.crossview.eval.composite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How one camera renders colour: exposure gain, white balance (a gain per channel), saturation
 * and black level, as the synthetic world's cameras do. The same coat reads differently in each
 * view, which is the appearance change a re-ID model must see through.
 */
public record ColourCast(double gain, double castB, double castG, double castR, double saturation, double blackLevel) {
    public static final ColourCast NEUTRAL = new ColourCast(1, 1, 1, 1, 1, 0);

    /** A plausible random cast; the first camera stays near neutral as a reference. */
    public static ColourCast random(SplittableRandom rnd, int index) {
        double warmth = index == 0 ? rnd.nextDouble(-0.04, 0.04) : rnd.nextDouble(-0.16, 0.16);
        double tint = rnd.nextDouble(-0.05, 0.05);
        double gain = index == 0 ? rnd.nextDouble(0.95, 1.05) : rnd.nextDouble(0.8, 1.2);
        double saturation = index == 0 ? rnd.nextDouble(0.95, 1.05) : rnd.nextDouble(0.7, 1.15);
        return new ColourCast(gain, 1 - warmth, 1 + tint, 1 + warmth * 0.9, saturation, rnd.nextDouble(0, 14));
    }

    /** One BGR pixel (0..255 each) through the camera, into {@code out}. */
    public void apply(int b, int g, int r, int[] out) {
        double bb = b * gain * castB;
        double gg = g * gain * castG;
        double rr = r * gain * castR;
        double mean = (bb + gg + rr) / 3;
        double keep = 1 - blackLevel / 255;
        out[0] = clamp(blackLevel + (mean + saturation * (bb - mean)) * keep);
        out[1] = clamp(blackLevel + (mean + saturation * (gg - mean)) * keep);
        out[2] = clamp(blackLevel + (mean + saturation * (rr - mean)) * keep);
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gain", round(gain));
        m.put("white_balance_bgr", new double[] {round(castB), round(castG), round(castR)});
        m.put("saturation", round(saturation));
        m.put("black_level", round(blackLevel));
        return m;
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
