package io.crossview.embedder.model;

import static io.crossview.embedder.model.AppearanceModel.BRIGHTNESS_LEVELS;
import static io.crossview.embedder.model.AppearanceModel.CHROMA_EPS;
import static io.crossview.embedder.model.AppearanceModel.CHROMA_LEVELS;
import static io.crossview.embedder.model.AppearanceModel.HEIGHT;
import static io.crossview.embedder.model.AppearanceModel.TEXTURE_SCALE;
import static io.crossview.embedder.model.AppearanceModel.WIDTH;

import io.crossview.common.onnx.OnnxGraph;

/**
 * The per-pixel part of the built-in model: for every pixel, its memberships in the
 * chromaticity, brightness and texture bins. Each of the three groups sums to 1 per pixel,
 * so pooled groups are histograms.
 */
final class AppearanceFeatures {
    private static final float GRADIENT_EPS = 1e-8f;

    private AppearanceFeatures() {
    }

    /** Feature maps [N, PART_DIM, H, W] of the RGB images in [0, 1]; {@code one} names a scalar constant 1. */
    static String build(OnnxGraph g, String images, String one) {
        String x = g.node("Clip", "clipped", new String[] {images, g.floats("zero", new float[] {0f}), one});
        // One 1x1 conv gives R+e, G+e, R+G+B+3e and the mean intensity.
        float e = CHROMA_EPS;
        float third = 1f / 3;
        String lin = g.node("Conv", "linear", new String[] {x,
                g.floats("lin_w", new float[] {1, 0, 0, 0, 1, 0, 1, 1, 1, third, third, third}, 4, 3, 1, 1),
                g.floats("lin_b", new float[] {e, e, 3 * e, 0}, 4)});
        String rg = g.node("Div", "rg", new String[] {slice(g, lin, 0, 2), slice(g, lin, 2, 3)});
        String intensity = slice(g, lin, 3, 4);
        String scalars = g.node("Concat", "scalars", new String[] {rg, intensity}, OnnxGraph.integer("axis", 1));

        String memberships = softBins(g, scalars, one);
        int cl = CHROMA_LEVELS;
        // joint (r, g) histogram: outer product of the two memberships, then only reachable bins
        String rBins = g.node("Unsqueeze", "r_bins", new String[] {slice(g, memberships, 0, cl), axis(g, "ax2", 2)});
        String gBins = g.node("Unsqueeze", "g_bins", new String[] {slice(g, memberships, cl, 2 * cl), axis(g, "ax1", 1)});
        String joint = g.node("Mul", "joint", new String[] {rBins, gBins});
        String joint4 = g.node("Reshape", "joint4", new String[] {joint,
                g.longs("joint_shape", new long[] {0, (long) cl * cl, HEIGHT, WIDTH}, 4)});
        String chroma = g.node("Gather", "chroma", new String[] {joint4, reachableChroma(g)}, OnnxGraph.integer("axis", 1));
        String brightness = slice(g, memberships, 2 * cl, 2 * cl + BRIGHTNESS_LEVELS);
        return g.node("Concat", "features", new String[] {chroma, brightness, texture(g, intensity)},
                OnnxGraph.integer("axis", 1));
    }

    /**
     * Triangular kernels Relu(1 - |v - c| / w) with w the spacing of the centres, so the
     * memberships of one value sum to 1. A 1x1 conv computes every (v - c) / w at once.
     */
    private static String softBins(OnnxGraph g, String scalars, String one) {
        int out = 2 * CHROMA_LEVELS + BRIGHTNESS_LEVELS;
        float[] w = new float[out * 3];
        float[] b = new float[out];
        for (int j = 0; j < out; j++) {
            int source = j < CHROMA_LEVELS ? 0 : j < 2 * CHROMA_LEVELS ? 1 : 2;
            int levels = source < 2 ? CHROMA_LEVELS : BRIGHTNESS_LEVELS;
            w[j * 3 + source] = levels - 1;
            b[j] = -(source < 2 ? j % CHROMA_LEVELS : j - 2 * CHROMA_LEVELS);
        }
        String z = g.node("Conv", "bin_offsets", new String[] {scalars, g.floats("bin_w", w, out, 3, 1, 1),
                g.floats("bin_b", b, out)});
        String abs = g.node("Abs", "bin_distance", new String[] {z});
        String near = g.node("Sub", "bin_nearness", new String[] {one, abs});
        return g.node("Relu", "memberships", new String[] {near});
    }

    /**
     * Orientation histogram of the Sobel gradient. With a = m2 / (m2 + s^2) the share of the
     * pixel that is textured and (p, q) = (gx^2 - gy^2, 2 gx gy) / m2 the doubled-angle unit
     * vector, bins hold a * Relu(+-p)^2 and a * Relu(+-q)^2 (together a), and "flat" holds 1 - a.
     */
    private static String texture(OnnxGraph g, String intensity) {
        // edge padding: zero padding would invent edges along the crop border
        String padded = g.node("Pad", "intensity_padded", new String[] {intensity,
                g.longs("pad_1px", new long[] {0, 0, 1, 1, 0, 0, 1, 1}, 8)}, OnnxGraph.string("mode", "edge"));
        float[] sobel = {-1, 0, 1, -2, 0, 2, -1, 0, 1, -1, -2, -1, 0, 0, 0, 1, 2, 1};
        for (int i = 0; i < sobel.length; i++) {
            sobel[i] /= 8f; // Sobel weighs a two-pixel difference by 4: this gives intensity per pixel
        }
        String grad = g.node("Conv", "gradient", new String[] {padded, g.floats("sobel", sobel, 2, 1, 3, 3)});
        String squares = g.node("Mul", "grad_sq", new String[] {grad, grad});
        String cross = g.node("Mul", "grad_cross", new String[] {slice(g, grad, 0, 1), slice(g, grad, 1, 2)});
        String moments = g.node("Concat", "grad_moments", new String[] {squares, cross}, OnnxGraph.integer("axis", 1));
        float s2 = TEXTURE_SCALE * TEXTURE_SCALE;
        // -> m2 = gx^2 + gy^2 + eps, gx^2 - gy^2, 2 gx gy, m2 + s^2
        String mixed = g.node("Conv", "grad_mixed", new String[] {moments,
                g.floats("mix_w", new float[] {1, 1, 0, 1, -1, 0, 0, 0, 2, 1, 1, 0}, 4, 3, 1, 1),
                g.floats("mix_b", new float[] {GRADIENT_EPS, 0, 0, GRADIENT_EPS + s2}, 4)});
        String m2 = slice(g, mixed, 0, 1);
        String pq = slice(g, mixed, 1, 3);
        String total = slice(g, mixed, 3, 4);
        String signed = g.node("Concat", "orient_signed", new String[] {pq, g.node("Neg", "pq_neg", new String[] {pq})},
                OnnxGraph.integer("axis", 1));
        String positive = g.node("Relu", "orient_pos", new String[] {signed});
        String energy = g.node("Mul", "orient_energy", new String[] {positive, positive});
        String norm = g.node("Mul", "orient_norm", new String[] {m2, total});
        String orient = g.node("Div", "orient", new String[] {energy, norm});
        String flat = g.node("Div", "flat", new String[] {g.floats("s2", new float[] {s2}), total});
        return g.node("Concat", "texture", new String[] {orient, flat}, OnnxGraph.integer("axis", 1));
    }

    private static String reachableChroma(OnnxGraph g) {
        long[] flat = new long[AppearanceModel.CHROMA_BINS];
        for (int i = 0; i < CHROMA_LEVELS; i++) {
            for (int j = 0; j < CHROMA_LEVELS; j++) {
                int bin = AppearanceModel.chromaBin(i, j);
                if (bin >= 0) {
                    flat[bin] = (long) i * CHROMA_LEVELS + j;
                }
            }
        }
        return g.longs("chroma_reachable", flat, flat.length);
    }

    private static String slice(OnnxGraph g, String input, int from, int to) {
        String name = input + "_" + from + "_" + to;
        return g.node("Slice", name, new String[] {input, g.longs(name + "_s", new long[] {from}, 1),
                g.longs(name + "_e", new long[] {to}, 1), g.longs(name + "_a", new long[] {1}, 1)});
    }

    private static String axis(OnnxGraph g, String name, long axis) {
        return g.longs(name, new long[] {axis}, 1);
    }
}
