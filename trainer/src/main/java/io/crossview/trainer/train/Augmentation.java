package io.crossview.trainer.train;

import io.crossview.embedder.runtime.Preprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * torchreid's training augmentations, applied to pictures already preprocessed for the network
 * (channel-first, normalised), in torchreid's order: crop jitter, mirror, colour jitter, then
 * random erasing.
 *
 * <ul>
 *   <li><b>crop jitter</b>: half the pictures are enlarged 1.125× and cropped back to size at a
 *       random offset (torchreid's {@code Random2DTranslation});</li>
 *   <li><b>flip</b>: half the pictures are mirrored left to right;</li>
 *   <li><b>colour jitter</b>: brightness ×[0.8, 1.2], then contrast ×[0.85, 1.15] about the
 *       picture's mean grey (torchreid's {@code ColorJitter(0.2, 0.15)});</li>
 *   <li><b>erasing</b>: half the pictures get one rectangle of 2–40 % of their area, aspect 0.3–3.3,
 *       set to the normalised mean colour (Zhong et al.; torchreid fills with ImageNet means).</li>
 * </ul>
 */
public record Augmentation(boolean crop, boolean flip, boolean colour, boolean erase) {
    public static final Augmentation ALL = new Augmentation(true, true, true, true);
    public static final Augmentation NONE = new Augmentation(false, false, false, false);

    private static final double CROP_SCALE = 1.125;
    private static final double BRIGHTNESS = 0.2;
    private static final double CONTRAST = 0.15;
    private static final double ERASE_MIN_AREA = 0.02;
    private static final double ERASE_MAX_AREA = 0.4;
    private static final double ERASE_MIN_ASPECT = 0.3;

    /** A comma-separated list of {@code crop, flip, colour, erase}, or {@code all} or {@code none}. */
    public static Augmentation parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return ALL;
        }
        if (t.equals("none")) {
            return NONE;
        }
        boolean crop = false;
        boolean flip = false;
        boolean colour = false;
        boolean erase = false;
        for (String part : t.split(",")) {
            switch (part.trim()) {
                case "crop" -> crop = true;
                case "flip" -> flip = true;
                case "colour", "color" -> colour = true;
                case "erase" -> erase = true;
                default -> throw new IllegalArgumentException("augmentation must be all, none or a list of crop, flip, "
                        + "colour, erase; got " + text);
            }
        }
        return new Augmentation(crop, flip, colour, erase);
    }

    @Override
    public String toString() {
        List<String> on = new ArrayList<>();
        if (crop) {
            on.add("crop");
        }
        if (flip) {
            on.add("flip");
        }
        if (colour) {
            on.add("colour");
        }
        if (erase) {
            on.add("erase");
        }
        return on.isEmpty() ? "none" : String.join(",", on);
    }

    /** Writes an augmented copy of {@code src} (one preprocessed picture) into {@code dst} at {@code offset}. */
    public void apply(float[] src, float[] dst, int offset, Preprocessing p, SplittableRandom random) {
        int h = p.height();
        int w = p.width();
        boolean mirror = flip && random.nextBoolean();
        boolean jitter = crop && random.nextBoolean();
        if (jitter) {
            int scaledH = (int) Math.round(h * CROP_SCALE);
            int scaledW = (int) Math.round(w * CROP_SCALE);
            // enlarging by s and cropping at (oy, ox) is cropping (oy/s, ox/s, h/s, w/s) and resizing it back
            double sy = (double) scaledH / h;
            double sx = (double) scaledW / w;
            int oy = random.nextInt(scaledH - h + 1);
            int ox = random.nextInt(scaledW - w + 1);
            CropResize.apply(src, h, w, oy / sy, ox / sx, h / sy, w / sx, dst, offset, h, w, mirror);
        } else {
            copy(src, dst, offset, h, w, mirror);
        }
        if (colour) {
            jitterColour(dst, offset, p, 1 + BRIGHTNESS * (2 * random.nextDouble() - 1),
                    1 + CONTRAST * (2 * random.nextDouble() - 1));
        }
        if (erase && random.nextBoolean()) {
            erase(dst, offset, h, w, random);
        }
    }

    private static void copy(float[] src, float[] dst, int offset, int h, int w, boolean mirror) {
        if (!mirror) {
            System.arraycopy(src, 0, dst, offset, 3 * h * w);
            return;
        }
        for (int row = 0; row < 3 * h; row++) {
            for (int x = 0; x < w; x++) {
                dst[offset + row * w + x] = src[row * w + (w - 1 - x)];
            }
        }
    }

    /** Brightness then contrast on the pixel values in [0, 1], as torchvision does before normalising. */
    private static void jitterColour(float[] pic, int offset, Preprocessing p, double brightness, double contrast) {
        int plane = p.height() * p.width();
        float[] mean = p.mean();
        float[] std = p.std();
        // luma weights of R, G, B, in the channel order the network reads
        double[] luma = p.rgb() ? new double[] {0.299, 0.587, 0.114} : new double[] {0.114, 0.587, 0.299};
        double grey = 0;
        for (int c = 0; c < 3; c++) {
            int base = offset + c * plane;
            double sum = 0;
            for (int i = 0; i < plane; i++) {
                double raw = clamp((pic[base + i] * std[c] + mean[c]) * brightness);
                pic[base + i] = (float) raw;
                sum += raw;
            }
            grey += luma[c] * sum / plane;
        }
        for (int c = 0; c < 3; c++) {
            int base = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                double raw = clamp((pic[base + i] - grey) * contrast + grey);
                pic[base + i] = (float) ((raw - mean[c]) / std[c]);
            }
        }
    }

    private static void erase(float[] pic, int offset, int h, int w, SplittableRandom random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            double area = h * w * (ERASE_MIN_AREA + (ERASE_MAX_AREA - ERASE_MIN_AREA) * random.nextDouble());
            double aspect = ERASE_MIN_ASPECT + (1 / ERASE_MIN_ASPECT - ERASE_MIN_ASPECT) * random.nextDouble();
            int eh = (int) Math.round(Math.sqrt(area * aspect));
            int ew = (int) Math.round(Math.sqrt(area / aspect));
            if (eh < h && ew < w && eh > 0 && ew > 0) {
                int top = random.nextInt(h - eh + 1);
                int left = random.nextInt(w - ew + 1);
                for (int c = 0; c < 3; c++) {
                    for (int y = top; y < top + eh; y++) {
                        int row = offset + (c * h + y) * w;
                        java.util.Arrays.fill(pic, row + left, row + left + ew, 0f);
                    }
                }
                return;
            }
        }
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
