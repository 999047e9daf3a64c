package io.crossview.detector.yolo;

import io.crossview.common.onnx.OnnxGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tiny ONNX models shaped like a NanoDet head on a 64x64 input: for strides 8, 16 and 32 (8x8,
 * 4x4 and 2x2 cells), class scores [N, cells, 2] and distributions [N, cells, 4 x 3 bins]. All
 * values are constants except class 0 of cell (3, 2) of stride 8, which is half the input's
 * first plane at (0, 0), so the tests see the preprocessing.
 */
final class NanodetTestModels {
    static final int SIZE = 64;
    static final int CLASSES = 2;
    static final int BINS = 3;
    /** Cell (3, 2) of the 8x8 grid of stride 8. */
    static final int PROBED_CELL = 2 * 8 + 3;

    private NanodetTestModels() {
    }

    /**
     * Logits of the probed cell's sides (left, top, right, bottom) over bins 0, 1, 2. Worked by
     * hand: softmax [1/4, 1/4, 1/2] has mean 1.25, so 10 px at stride 8; [1/3, 1/3, 1/3] mean 1,
     * 8 px; [1/2, 1/4, 1/4] mean 0.75, 6 px; [1/8, 1/8, 3/4] mean 1.625, 13 px. With its centre at
     * (28, 20) the box is x 18..34, y 12..33 of the input.
     */
    static final float[][] SIDES = {
        {0, 0, (float) Math.log(2)},
        {0, 0, 0},
        {(float) Math.log(2), 0, 0},
        {0, 0, (float) Math.log(6)},
    };

    /** The model; {@code scoresFirst} false lists each level's distributions before its scores. */
    static byte[] model(Object batch, boolean scoresFirst) {
        OnnxGraph g = new OnnxGraph("test-nanodet");
        String images = g.floatInput("input_1", batch, 3, SIZE, SIZE);
        String starts = g.longs("starts", new long[] {0, 0, 0}, 3);
        String ends = g.longs("ends", new long[] {1, 1, 1}, 3);
        String axes = g.longs("axes", new long[] {1, 2, 3}, 3);
        String pixel = g.node("Slice", "pixel", new String[] {images, starts, ends, axes});
        String perPicture = g.node("Reshape", "pixel_n11",
                new String[] {pixel, g.longs("shape_n11", new long[] {-1, 1, 1}, 3)});
        List<Object[]> outputs = new ArrayList<>();
        for (int stride : GflDecoder.STRIDES) {
            int cells = (SIZE / stride) * (SIZE / stride);
            float[] scores = new float[cells * CLASSES];
            float[] scoreMask = new float[scores.length];
            float[] distributions = new float[cells * 4 * BINS];
            if (stride == 8) {
                scoreMask[PROBED_CELL * CLASSES] = 0.5f;
                for (int side = 0; side < 4; side++) {
                    System.arraycopy(SIDES[side], 0, distributions, (PROBED_CELL * 4 + side) * BINS, BINS);
                }
            }
            Object[] s = output(g, perPicture, "scores_" + stride, scores, scoreMask, cells, CLASSES);
            Object[] d = output(g, perPicture, "dist_" + stride, distributions, new float[distributions.length],
                    cells, 4 * BINS);
            outputs.add(scoresFirst ? s : d);
            outputs.add(scoresFirst ? d : s);
        }
        // declared in this order, which is the order ONNX Runtime lists them in
        outputs.forEach(o -> g.floatOutput((String) o[0], batch, o[1], o[2]));
        return g.toModel("crossview-test", Map.of());
    }

    /** Table plus mask x pixel, as output {@code name}; returns its name and its two last dimensions. */
    private static Object[] output(OnnxGraph g, String pixel, String name, float[] table, float[] mask, int rows,
                                   int cols) {
        String placed = g.node("Mul", name + "_placed",
                new String[] {pixel, g.floats(name + "_mask", mask, 1, rows, cols)});
        g.node("Add", name, new String[] {placed, g.floats(name + "_table", table, 1, rows, cols)});
        return new Object[] {name, rows, cols};
    }
}
