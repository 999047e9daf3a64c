package io.crossview.eval.composite;

import java.util.Arrays;

/**
 * A BGR picture in plain Java memory, row-major, 3 bytes a pixel. Compositing works on these
 * rather than on OpenCV mats so that every pixel is computed by this package's own code and the
 * output is the same on every machine. The array is owned: callers copy before changing it.
 */
public record Picture(int width, int height, byte[] bgr) {
    public Picture {
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("picture " + width + "x" + height + " needs " + width * height * 3
                    + " bytes, got " + bgr.length);
        }
    }

    public static Picture blank(int width, int height) {
        return new Picture(width, height, new byte[width * height * 3]);
    }

    public int at(int x, int y, int channel) {
        return bgr[(y * width + x) * 3 + channel] & 0xff;
    }

    public Picture copy() {
        return new Picture(width, height, Arrays.copyOf(bgr, bgr.length));
    }
}
