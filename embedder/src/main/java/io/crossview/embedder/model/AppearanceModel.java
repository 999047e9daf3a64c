package io.crossview.embedder.model;

import io.crossview.common.onnx.OnnxGraph;
import io.crossview.embedder.runtime.Preprocessing;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in re-ID model: a hand-designed appearance descriptor written as an ONNX graph,
 * so the system identifies people with no weights to download.
 *
 * <p>Per pixel ({@link AppearanceFeatures}) three soft histograms: joint regularised
 * chromaticity (r, g), which ignores the strength of the light; brightness, which tells black
 * from white clothing; and Sobel gradient orientation plus a "flat" bin. Pixels are weighted
 * by a Gaussian across the width, since detector boxes carry background at their sides,
 * pooled over the whole crop and over {@link #STRIPES} overlapping horizontal stripes, and
 * square-rooted (Hellinger). A fixed linear map then removes from each histogram the direction
 * every crop shares (see {@link #blockProjection()}) and weighs the three histograms.
 *
 * <p>Outputs: {@code parts} [N, STRIPES, PART_DIM], one descriptor per stripe from the head
 * down; {@code global} [N, GLOBAL_DIM], the whole-crop descriptor followed by the stripe
 * descriptors, so the global vector also carries the vertical layout of the clothing.
 */
public final class AppearanceModel {
    public static final String NAME = "builtin-appearance";
    public static final int HEIGHT = 96;
    public static final int WIDTH = 48;
    public static final int STRIPES = 6;
    /** Chromaticity levels per axis: centres 0, 1/6, ..., 1, so grey (1/3, 1/3) sits on a centre. */
    public static final int CHROMA_LEVELS = 7;
    /** Brightness (R+G+B)/3 levels: centres 0, 1/4, ..., 1. */
    public static final int BRIGHTNESS_LEVELS = 5;
    /** Orientations 0, 45, 90, 135 degrees of the gradient, then one "flat" bin. */
    public static final int TEXTURE_BINS = 5;
    /** Added to R, G and B before taking chromaticity, so dark pixels fall to grey, not noise. */
    public static final float CHROMA_EPS = 0.05f;
    /** Gradient magnitude (intensity per pixel) at which a pixel counts half textured, half flat. */
    public static final float TEXTURE_SCALE = 0.08f;
    /**
     * Brightness and texture change more with camera, light and distance than clothing colour
     * does; on pairs from real video (vtest.avi) weighing them 0.7 against colour separated
     * people best.
     */
    public static final float BRIGHTNESS_WEIGHT = 0.7f;
    public static final float TEXTURE_WEIGHT = 0.7f;

    private static final int[] CHROMA_BIN_OF = chromaBins();
    public static final int CHROMA_BINS = (int) Arrays.stream(CHROMA_BIN_OF).filter(i -> i >= 0).count();
    public static final int BRIGHTNESS_OFFSET = CHROMA_BINS;
    public static final int TEXTURE_OFFSET = BRIGHTNESS_OFFSET + BRIGHTNESS_LEVELS;
    public static final int PART_DIM = TEXTURE_OFFSET + TEXTURE_BINS;
    public static final int GLOBAL_DIM = (1 + STRIPES) * PART_DIM;

    private static final int STRIPE_STEP = HEIGHT / STRIPES;
    /** Stripes overlap their neighbours by a quarter stripe each side, for robustness to box jitter. */
    private static final int STRIPE_PAD = STRIPE_STEP / 4;
    /** Width of the centre weighting; on real crops W/6 kept most of the person and least background. */
    private static final double CENTRE_SIGMA = WIDTH / 6.0;

    private AppearanceModel() {
    }

    /** Index inside the chromaticity block of the joint bin (r level, g level), or -1 where r + g cannot reach. */
    public static int chromaBin(int rLevel, int gLevel) {
        return CHROMA_BIN_OF[rLevel * CHROMA_LEVELS + gLevel];
    }

    /** The model as ONNX bytes; the same on every call. */
    public static byte[] build() {
        return build(NAME);
    }

    /**
     * The same model under another name in its metadata: other bytes and model version, the very
     * same embeddings (for exercising hot swaps and promotions with a real model).
     */
    public static byte[] build(String name) {
        OnnxGraph g = new OnnxGraph(NAME);
        String images = g.floatInput("images", "N", 3, HEIGHT, WIDTH);
        String features = AppearanceFeatures.build(g, images, g.floats("one", new float[] {1f}));
        String weighted = g.node("Mul", "weighted", new String[] {features,
                g.floats("column_weights", columnWeights(), 1, 1, 1, WIDTH)});

        String stripes = g.node("AveragePool", "stripes", new String[] {weighted},
                OnnxGraph.ints("kernel_shape", STRIPE_STEP + 2 * STRIPE_PAD, WIDTH),
                OnnxGraph.ints("strides", STRIPE_STEP, WIDTH),
                OnnxGraph.ints("pads", STRIPE_PAD, 0, STRIPE_PAD, 0),
                OnnxGraph.integer("count_include_pad", 0));
        String whole = g.node("GlobalAveragePool", "whole", new String[] {weighted});
        // the projection is linear and per region: a 1x1 conv over the histogram channels
        String projection = g.floats("projection", blockProjection(), PART_DIM, PART_DIM, 1, 1);
        String stripesH = g.node("Conv", "stripes_h", new String[] {
                g.node("Sqrt", "stripes_sqrt", new String[] {stripes}), projection});
        String wholeH = g.node("Conv", "whole_h", new String[] {
                g.node("Sqrt", "whole_sqrt", new String[] {whole}), projection});

        String stripeRows = g.node("Reshape", "stripe_rows", new String[] {stripesH,
                g.longs("stripe_shape", new long[] {0, PART_DIM, STRIPES}, 3)});
        String parts = g.node("Transpose", "parts", new String[] {stripeRows}, OnnxGraph.ints("perm", 0, 2, 1));
        String wholeFlat = g.node("Reshape", "whole_flat", new String[] {wholeH,
                g.longs("whole_shape", new long[] {0, PART_DIM}, 2)});
        String partsFlat = g.node("Reshape", "parts_flat", new String[] {parts,
                g.longs("parts_shape", new long[] {0, (long) STRIPES * PART_DIM}, 2)});
        g.node("Concat", "global", new String[] {wholeFlat, partsFlat}, OnnxGraph.integer("axis", 1));
        g.floatOutput("global", "N", GLOBAL_DIM);
        g.floatOutput("parts", "N", STRIPES, PART_DIM);
        return g.toModel("crossview", metadata(name));
    }

    /**
     * The [PART_DIM x PART_DIM] map applied to each square-rooted region descriptor: per block,
     * weight * (I - s s^T), removing the unit direction s that all crops share, so that cosine
     * similarity measures what tells people apart. For chromaticity s is the grey bin (background
     * and dark clothing are grey in every crop; what is left speaks only of coloured pixels); for
     * brightness and texture, with no such dominant bin, s is the uniform direction.
     */
    public static float[] blockProjection() {
        int[][] blocks = {{0, BRIGHTNESS_OFFSET}, {BRIGHTNESS_OFFSET, TEXTURE_OFFSET}, {TEXTURE_OFFSET, PART_DIM}};
        float[] weights = {1f, BRIGHTNESS_WEIGHT, TEXTURE_WEIGHT};
        float[] m = new float[PART_DIM * PART_DIM];
        for (int b = 0; b < blocks.length; b++) {
            int lo = blocks[b][0];
            int hi = blocks[b][1];
            double[] s = new double[PART_DIM];
            if (b == 0) {
                s[chromaBin(2, 2)] = 1;
            } else {
                Arrays.fill(s, lo, hi, 1 / Math.sqrt(hi - lo));
            }
            for (int i = lo; i < hi; i++) {
                for (int j = lo; j < hi; j++) {
                    m[i * PART_DIM + j] = (float) (weights[b] * ((i == j ? 1 : 0) - s[i] * s[j]));
                }
            }
        }
        return m;
    }

    /** Chromaticities satisfy r + g <= 1, so joint bins with i + j > CHROMA_LEVELS are always empty. */
    private static int[] chromaBins() {
        int[] index = new int[CHROMA_LEVELS * CHROMA_LEVELS];
        int next = 0;
        for (int i = 0; i < CHROMA_LEVELS; i++) {
            for (int j = 0; j < CHROMA_LEVELS; j++) {
                index[i * CHROMA_LEVELS + j] = i + j <= CHROMA_LEVELS ? next++ : -1;
            }
        }
        return index;
    }

    /** A Gaussian across the width, scaled to mean 1 so that pooling stays a weighted mean. */
    static float[] columnWeights() {
        double[] w = new double[WIDTH];
        double sum = 0;
        for (int x = 0; x < WIDTH; x++) {
            double d = (x + 0.5 - WIDTH / 2.0) / CENTRE_SIGMA;
            w[x] = Math.exp(-0.5 * d * d);
            sum += w[x];
        }
        float[] out = new float[WIDTH];
        for (int x = 0; x < WIDTH; x++) {
            out[x] = (float) (w[x] * WIDTH / sum);
        }
        return out;
    }

    private static Map<String, String> metadata(String name) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Preprocessing.KEY_NAME, name);
        m.put(Preprocessing.KEY_HEIGHT, Integer.toString(HEIGHT));
        m.put(Preprocessing.KEY_WIDTH, Integer.toString(WIDTH));
        m.put(Preprocessing.KEY_MEAN, "0,0,0");
        m.put(Preprocessing.KEY_STD, "1,1,1");
        m.put(Preprocessing.KEY_CHANNEL_ORDER, "RGB");
        m.put(Preprocessing.KEY_PARTS, Integer.toString(STRIPES));
        return m;
    }
}
