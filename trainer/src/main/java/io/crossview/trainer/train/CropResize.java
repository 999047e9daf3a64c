package io.crossview.trainer.train;

/**
 * Bilinear resampling of a rectangle of a preprocessed picture (3 planes, channel-first) to
 * another size, optionally mirrored after the crop: the geometry shared by crop jitter and by
 * PASS's views. Samples outside the picture take its nearest edge.
 */
public final class CropResize {
    private CropResize() {
    }

    /**
     * @param src the picture, h × w per plane
     * @param y0  top of the crop, in source pixels (fractional allowed)
     * @param ch  height of the crop, in source pixels; the crop is scaled by oh / ch
     */
    public static void apply(float[] src, int h, int w, double y0, double x0, double ch, double cw, float[] dst,
                             int offset, int oh, int ow, boolean mirror) {
        int plane = h * w;
        double sy = ch / oh;
        double sx = cw / ow;
        for (int y = 0; y < oh; y++) {
            double v = Math.min(h - 1, Math.max(0, y0 + (y + 0.5) * sy - 0.5));
            int v0 = (int) v;
            int v1 = Math.min(h - 1, v0 + 1);
            float fy = (float) (v - v0);
            for (int x = 0; x < ow; x++) {
                int xs = mirror ? ow - 1 - x : x;
                double u = Math.min(w - 1, Math.max(0, x0 + (xs + 0.5) * sx - 0.5));
                int u0 = (int) u;
                int u1 = Math.min(w - 1, u0 + 1);
                float fx = (float) (u - u0);
                for (int c = 0; c < 3; c++) {
                    int base = c * plane;
                    float top = src[base + v0 * w + u0] * (1 - fx) + src[base + v0 * w + u1] * fx;
                    float bottom = src[base + v1 * w + u0] * (1 - fx) + src[base + v1 * w + u1] * fx;
                    dst[offset + (c * oh + y) * ow + x] = top * (1 - fy) + bottom * fy;
                }
            }
        }
    }
}
