package io.crossview.eval.synth;

import java.util.SplittableRandom;

/**
 * How one camera renders colour: exposure gain, white balance (a per-channel colour cast),
 * saturation, black level, sensor noise and lens softness. The same shirt therefore reads
 * differently in each camera, as it does with real cameras.
 */
record CameraLook(double gain, double castB, double castG, double castR, double saturation, double blackLevel,
                  double noiseSigma, double blurSigma) {

    /** A plausible random look; the first camera is kept close to neutral as a reference. */
    static CameraLook random(SplittableRandom rnd, int index) {
        double warmth = index == 0 ? rnd.nextDouble(-0.04, 0.04) : rnd.nextDouble(-0.16, 0.16);
        double tint = rnd.nextDouble(-0.05, 0.05);
        return new CameraLook(
                rnd.nextDouble(0.78, 1.2),
                1 - warmth, 1 + tint, 1 + warmth * 0.9,
                rnd.nextDouble(0.7, 1.15),
                rnd.nextDouble(0, 18),
                rnd.nextDouble(2.0, 6.5),
                rnd.nextDouble(0.4, 0.9));
    }

    /** Scene radiance (BGR, 0..255 at light level 1) to sensor values, in place and clamped. */
    void apply(double[] bgr) {
        double b = bgr[0] * gain * castB;
        double g = bgr[1] * gain * castG;
        double r = bgr[2] * gain * castR;
        double mean = (b + g + r) / 3;
        bgr[0] = clamp(blackLevel + (mean + saturation * (b - mean)) * (1 - blackLevel / 255));
        bgr[1] = clamp(blackLevel + (mean + saturation * (g - mean)) * (1 - blackLevel / 255));
        bgr[2] = clamp(blackLevel + (mean + saturation * (r - mean)) * (1 - blackLevel / 255));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
