package io.crossview.eval.composite;

/** Bilinear sampling of interleaved 8-bit pictures at fractional pixel positions, edges repeated. */
final class Bilinear {
    private Bilinear() {
    }

    /**
     * Channel {@code c} of a {@code channels}-channel {@code w x h} picture at (x, y), where pixel
     * (i, j) has its centre at (i, j).
     */
    static double sample(byte[] data, int w, int h, int channels, int c, double x, double y) {
        double cx = Math.max(0, Math.min(w - 1, x));
        double cy = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = (data[(y0 * w + x0) * channels + c] & 0xff) * (1 - fx) + (data[(y0 * w + x1) * channels + c] & 0xff) * fx;
        double bottom = (data[(y1 * w + x0) * channels + c] & 0xff) * (1 - fx) + (data[(y1 * w + x1) * channels + c] & 0xff) * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
