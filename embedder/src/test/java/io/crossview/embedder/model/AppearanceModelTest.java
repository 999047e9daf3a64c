package io.crossview.embedder.model;

import static io.crossview.embedder.model.AppearanceModel.BRIGHTNESS_OFFSET;
import static io.crossview.embedder.model.AppearanceModel.GLOBAL_DIM;
import static io.crossview.embedder.model.AppearanceModel.HEIGHT;
import static io.crossview.embedder.model.AppearanceModel.PART_DIM;
import static io.crossview.embedder.model.AppearanceModel.STRIPES;
import static io.crossview.embedder.model.AppearanceModel.TEXTURE_OFFSET;
import static io.crossview.embedder.model.AppearanceModel.WIDTH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppearanceModelTest {
    private static final int PLANE = HEIGHT * WIDTH;
    private static OrtSession session;

    @BeforeAll
    static void load() throws OrtException {
        session = OrtEnvironment.getEnvironment().createSession(AppearanceModel.build(), new OrtSession.SessionOptions());
    }

    @AfterAll
    static void close() throws OrtException {
        session.close();
    }

    @Test
    void buildIsDeterministic() {
        assertArrayEquals(AppearanceModel.build(), AppearanceModel.build());
    }

    @Test
    void declaresItsPreprocessingAndShapes() throws OrtException {
        Map<String, String> meta = session.getMetadata().getCustomMetadata();
        assertEquals("builtin-appearance", meta.get("crossview.name"));
        assertEquals("96", meta.get("crossview.input_height"));
        assertEquals("48", meta.get("crossview.input_width"));
        assertEquals("0,0,0", meta.get("crossview.mean"));
        assertEquals("1,1,1", meta.get("crossview.std"));
        assertEquals("RGB", meta.get("crossview.channel_order"));
        assertEquals("6", meta.get("crossview.parts"));
        assertArrayEquals(new long[] {-1, 3, 96, 48}, ((TensorInfo) session.getInputInfo().get("images").getInfo()).getShape());
        assertArrayEquals(new long[] {-1, 308}, ((TensorInfo) session.getOutputInfo().get("global").getInfo()).getShape());
        assertArrayEquals(new long[] {-1, 6, 44}, ((TensorInfo) session.getOutputInfo().get("parts").getInfo()).getShape());
        assertEquals(34, AppearanceModel.CHROMA_BINS);
        assertEquals(7 * 44, GLOBAL_DIM);
    }

    @Test
    void pureRedFillsTheHandComputedBins() throws OrtException {
        // r = (1 + .05) / (1 + .15) = 21/23, g = .05 / 1.15 = 1/23. With centres k/6 and width 1/6:
        // r is 12/23 in level 5 and 11/23 in level 6; g is 17/23 in level 0 and 6/23 in level 1.
        Map<Integer, Double> chroma = Map.of(
                AppearanceModel.chromaBin(5, 0), 204.0 / 529, AppearanceModel.chromaBin(5, 1), 72.0 / 529,
                AppearanceModel.chromaBin(6, 0), 187.0 / 529, AppearanceModel.chromaBin(6, 1), 66.0 / 529);
        assertEquals(List.of(29, 30, 32, 33), chroma.keySet().stream().sorted().toList());
        // intensity 1/3: 2/3 in level 1 (0.25), 1/3 in level 2 (0.5); no gradient: all "flat"
        double[] brightness = {0, 2.0 / 3, 1.0 / 3, 0, 0};
        assertRegions(run(uniform(1, 0, 0), 1), expected(chroma, brightness, FLAT));
    }

    @Test
    void pureGreenAndBlackLandWhereExpected() throws OrtException {
        Map<Integer, Double> green = Map.of(
                AppearanceModel.chromaBin(0, 5), 204.0 / 529, AppearanceModel.chromaBin(1, 5), 72.0 / 529,
                AppearanceModel.chromaBin(0, 6), 187.0 / 529, AppearanceModel.chromaBin(1, 6), 66.0 / 529);
        assertRegions(run(uniform(0, 1, 0), 1), expected(green, new double[] {0, 2.0 / 3, 1.0 / 3, 0, 0}, FLAT));
        // black: the regulariser puts it exactly on grey (1/3, 1/3), the direction every crop shares,
        // which the projection removes: nothing is left of its chromaticity
        float[][] black = run(uniform(0, 0, 0), 1);
        assertRegions(black, expected(Map.of(AppearanceModel.chromaBin(2, 2), 1.0), new double[] {1, 0, 0, 0, 0}, FLAT));
        for (int i = 0; i < AppearanceModel.CHROMA_BINS; i++) {
            assertEquals(0, black[1][i], 1e-3);
        }
    }

    @Test
    void edgesFallInTheirOrientationBins() throws OrtException {
        float[] vertical = uniform(0, 0, 0);
        float[] horizontal = uniform(0, 0, 0);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    vertical[c * PLANE + y * WIDTH + x] = x >= WIDTH / 2 ? 1 : 0;
                    horizontal[c * PLANE + y * WIDTH + x] = y >= HEIGHT / 2 ? 1 : 0;
                }
            }
        }
        // a vertical edge is a horizontal gradient: 0 degrees; a horizontal edge: 90 degrees.
        // The other orientation bins stay empty, so after centring they are equal.
        assertOrientation(run(vertical, 1)[0], 0);
        // stripe 3 holds the horizontal edge at row 48
        float[] h = run(horizontal, 1)[1];
        float[] stripe3 = Arrays.copyOfRange(h, 3 * PART_DIM, 4 * PART_DIM);
        assertOrientation(stripe3, 2);
    }

    @Test
    void blocksAreCentredAndBatchItemsIndependent() throws OrtException {
        Random random = new Random(7);
        float[] two = new float[2 * 3 * PLANE];
        for (int i = 0; i < two.length; i++) {
            two[i] = random.nextFloat();
        }
        float[][] out = run(two, 2);
        assertEquals(2 * GLOBAL_DIM, out[0].length);
        assertEquals(2 * STRIPES * PART_DIM, out[1].length);
        for (int p = 0; p < 2 * STRIPES; p++) {
            int base = p * PART_DIM;
            assertEquals(0, sum(out[1], base + BRIGHTNESS_OFFSET, base + TEXTURE_OFFSET), 1e-4);
            assertEquals(0, sum(out[1], base + TEXTURE_OFFSET, base + PART_DIM), 1e-4);
            assertEquals(0, out[1][base + AppearanceModel.chromaBin(2, 2)], 1e-5);
            assertTrue(sum(out[1], base, base + BRIGHTNESS_OFFSET) > 0, "colour noise has colour");
        }
        float[] second = Arrays.copyOfRange(two, 3 * PLANE, 6 * PLANE);
        float[] alone = run(second, 1)[0];
        for (int i = 0; i < GLOBAL_DIM; i++) {
            assertEquals(out[0][GLOBAL_DIM + i], alone[i], 1e-5);
        }
    }

    private static final double[] FLAT = {0, 0, 0, 0, 1};

    /**
     * The region descriptor by hand: square roots of the histograms; chromaticity loses its grey
     * bin; brightness and texture lose their mean (the uniform direction) and weigh 0.7.
     */
    private static double[] expected(Map<Integer, Double> chroma, double[] brightness, double[] texture) {
        double[] d = new double[PART_DIM];
        chroma.forEach((bin, mass) -> d[bin] = Math.sqrt(mass));
        d[AppearanceModel.chromaBin(2, 2)] = 0;
        centred(brightness, d, BRIGHTNESS_OFFSET);
        centred(texture, d, TEXTURE_OFFSET);
        return d;
    }

    private static void centred(double[] mass, double[] into, int offset) {
        double mean = Arrays.stream(mass).map(Math::sqrt).average().orElseThrow();
        for (int i = 0; i < mass.length; i++) {
            into[offset + i] = 0.7 * (Math.sqrt(mass[i]) - mean);
        }
    }

    /** A uniform picture: every stripe and the whole crop have the same descriptor. */
    private static void assertRegions(float[][] out, double[] expected) {
        for (int i = 0; i < PART_DIM; i++) {
            // 1e-3: square roots blow float rounding of empty bins (~1e-7) up to ~3e-4
            assertEquals(expected[i], out[0][i], 1e-3, "whole-crop bin " + i);
            for (int s = 0; s < STRIPES; s++) {
                assertEquals(expected[i], out[1][s * PART_DIM + i], 1e-3, "stripe " + s + " bin " + i);
                assertEquals(out[1][s * PART_DIM + i], out[0][PART_DIM + s * PART_DIM + i], 0, "global = whole + parts");
            }
        }
    }

    private static void assertOrientation(float[] region, int bin) {
        int others = 0;
        for (int k = 0; k < 4; k++) {
            if (k != bin) {
                assertTrue(region[TEXTURE_OFFSET + bin] > region[TEXTURE_OFFSET + k] + 0.1, "bin " + bin + " over " + k);
                assertEquals(region[TEXTURE_OFFSET + (bin + 1) % 4], region[TEXTURE_OFFSET + k], 1e-5);
                others++;
            }
        }
        assertEquals(3, others);
    }

    private static double sum(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s;
    }

    private static float[] uniform(float r, float g, float b) {
        float[] x = new float[3 * PLANE];
        Arrays.fill(x, 0, PLANE, r);
        Arrays.fill(x, PLANE, 2 * PLANE, g);
        Arrays.fill(x, 2 * PLANE, 3 * PLANE, b);
        return x;
    }

    /** {global, parts}, flattened. */
    private static float[][] run(float[] input, int n) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {n, 3, HEIGHT, WIDTH});
             OrtSession.Result r = session.run(Map.of("images", t))) {
            FloatBuffer global = ((OnnxTensor) r.get("global").orElseThrow()).getFloatBuffer();
            FloatBuffer parts = ((OnnxTensor) r.get("parts").orElseThrow()).getFloatBuffer();
            float[] g = new float[global.remaining()];
            float[] p = new float[parts.remaining()];
            global.get(g);
            parts.get(p);
            return new float[][] {g, p};
        }
    }
}
