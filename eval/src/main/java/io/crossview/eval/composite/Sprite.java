package io.crossview.eval.composite;

/**
 * One frame of a cut-out person: the pixels of the detection box and how much of each belongs
 * to the person (alpha 0..255, the foreground mask with softened edges).
 *
 * @param maskArea pixels with alpha of at least half: the person's silhouette size
 */
public record Sprite(int width, int height, byte[] bgr, byte[] alpha, int maskArea) {
    public Sprite {
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3 || alpha.length != width * height) {
            throw new IllegalArgumentException("sprite " + width + "x" + height + " has " + bgr.length
                    + " colour and " + alpha.length + " alpha bytes");
        }
    }

    public int alphaAt(int x, int y) {
        return alpha[y * width + x] & 0xff;
    }

    /** Share of the box the silhouette fills. */
    public double fill() {
        return maskArea / (double) (width * height);
    }
}
