package io.crossview.detector.hog;

/**
 * The part of HOG's scale pyramid worth searching: the scale the picture is resized to for
 * the first level, and how many levels follow, each {@code scaleStep} smaller. HOG's own
 * pyramid always starts at the picture's size and goes on until the picture is smaller than
 * the window; levels whose boxes are outside [minBoxHeight, maxBoxHeight] only cost time,
 * so they are cut here.
 *
 * @param startScale resize factor of the original picture for the first level
 * @param step       size ratio between two levels
 * @param levels     number of levels
 */
record HogPyramid(double startScale, double step, int levels) {

    /**
     * @param boxHeightAtScale1 height of the reported box of one window on an unscaled picture
     * @throws IllegalArgumentException when no level gives boxes inside the wanted height range
     */
    static HogPyramid plan(HogSettings s, double boxHeightAtScale1) {
        double finest = boxHeightAtScale1 / s.upscale();
        double logStep = Math.log(s.scaleStep());
        // A tiny epsilon keeps float noise from skipping a level that gives exactly minBoxHeight.
        int first = Math.max(0, (int) Math.ceil(Math.log(s.minBoxHeight() / finest) / logStep - 1e-9));
        int last = (int) Math.floor(Math.log(s.maxBoxHeight() / finest) / logStep + 1e-9);
        if (last < first) {
            throw new IllegalArgumentException(String.format(
                    "no pyramid level gives boxes %d..%d px tall: levels give %.1f px times %.2f^k;"
                            + " widen the box height range, lower scaleStep or change upscale",
                    s.minBoxHeight(), s.maxBoxHeight(), finest, s.scaleStep()));
        }
        return new HogPyramid(s.upscale() / Math.pow(s.scaleStep(), first), s.scaleStep(), last - first + 1);
    }

    /** Resize factor of the original picture for level {@code k}. */
    double scale(int k) {
        return startScale / Math.pow(step, k);
    }
}
