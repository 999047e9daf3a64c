package io.crossview.detector.hog;

/**
 * Tuning of {@link HogPersonDetector}. Sizes are pixels of the original picture unless they
 * say otherwise.
 *
 * @param upscale      how much the picture is enlarged before the search; the 64x128 window
 *                     then finds people about 100/upscale px tall at the finest level
 * @param hitThreshold minimum SVM score of a window (the HOG weight); higher is stricter
 * @param winStride    window step in px of each pyramid level; a multiple of the 8 px cell
 * @param scaleStep    size ratio between two pyramid levels; larger is faster and coarser
 * @param padding      border in px of each pyramid level searched beyond the picture's edge
 * @param minBoxHeight smallest box reported; pyramid levels that only give smaller ones are skipped
 * @param maxBoxHeight largest box wanted; the pyramid stops at the level that gives it
 * @param nmsIou       boxes overlapping a better one by more than this IoU are dropped
 */
public record HogSettings(double upscale, double hitThreshold, int winStride, double scaleStep, int padding,
                          int minBoxHeight, int maxBoxHeight, double nmsIou) {
    public static final int CELL = 8;

    public HogSettings {
        require(upscale > 0 && upscale <= 8, "upscale must be in (0, 8], got " + upscale);
        require(Double.isFinite(hitThreshold), "hitThreshold must be finite, got " + hitThreshold);
        require(winStride > 0 && winStride % CELL == 0,
                "winStride must be a positive multiple of " + CELL + " px, got " + winStride);
        require(scaleStep > 1 && scaleStep <= 2, "scaleStep must be in (1, 2], got " + scaleStep);
        require(padding >= 0 && padding <= 64, "padding must be in [0, 64] px, got " + padding);
        require(minBoxHeight > 0, "minBoxHeight must be positive, got " + minBoxHeight);
        require(maxBoxHeight >= minBoxHeight,
                "maxBoxHeight (" + maxBoxHeight + ") must not be below minBoxHeight (" + minBoxHeight + ")");
        require(nmsIou >= 0 && nmsIou <= 1, "nmsIou must be in [0, 1], got " + nmsIou);
    }

    /** Tuned on vtest.avi halves (384x576, people 60-150 px tall); measurements in detector/README.md. */
    public static HogSettings defaults() {
        return new HogSettings(1.8, 0.3, 8, 1.2, 0, 50, 224, 0.3);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
