package io.crossview.detector.yolo;

import io.crossview.common.onnx.OnnxGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tiny ONNX detectors shaped like each YOLO export. The output is a constant table of
 * predictions plus one input pixel (times a weight) added at one place of the table, so ONNX
 * Runtime runs a real graph on the picture and the tests see which value the preprocessing put
 * there (channel order, value range, placement).
 */
public final class YoloTestModels {
    private YoloTestModels() {
    }

    /**
     * A YOLOX model with a 64x64 input: 64 + 16 + 4 = 84 grid cells. Anchor 19 is cell (3, 2) of
     * stride 8 (class 0 at 0.9), anchor 69 cell (1, 1) of stride 16 (objectness 0.8; class 0 at 0.5,
     * class 1 at 0.95). Anchor 19's objectness is the input's blue channel at (0, 0) / 255.
     */
    public static byte[] yolox(Object batch) {
        float[][] table = empty(84, 7);
        table[19] = new float[] {0.5f, 0.5f, (float) Math.log(4), (float) Math.log(2), 0, 0.9f, 0.1f};
        table[69] = new float[] {0, 0, (float) Math.log(2), (float) Math.log(4), 0.8f, 0.5f, 0.95f};
        return model(YoloLayout.YOLOX, batch, 64, 64, table, new Probe(0, 0, 0, 19, 4, 1 / 255f), Map.of());
    }

    /** Where the input pixel goes: value {@code value} of anchor {@code anchor} gets weight x pixel. */
    record Probe(int channel, int y, int x, int anchor, int value, float weight) {
    }

    /**
     * @param batch   a number (fixed batch) or a name (any batch)
     * @param table   predictions [anchor][value] as the layout lists them per box (cx, cy, w, h,
     *                [objectness,] class scores); YOLOv8 models get it transposed
     */
    static byte[] model(YoloLayout layout, Object batch, int width, int height, float[][] table, Probe probe,
                        Map<String, String> metadata) {
        int anchors = table.length;
        int values = table[0].length;
        boolean transposed = layout == YoloLayout.YOLOV8;
        int d1 = transposed ? values : anchors;
        int d2 = transposed ? anchors : values;
        float[] flat = new float[anchors * values];
        float[] mask = new float[anchors * values];
        for (int a = 0; a < anchors; a++) {
            for (int v = 0; v < values; v++) {
                flat[transposed ? v * anchors + a : a * values + v] = table[a][v];
            }
        }
        mask[transposed ? probe.value() * anchors + probe.anchor() : probe.anchor() * values + probe.value()] =
                probe.weight();

        OnnxGraph g = new OnnxGraph("test-" + layout.name().toLowerCase());
        String images = g.floatInput("images", batch, 3, height, width);
        String starts = g.longs("starts", new long[] {probe.channel(), probe.y(), probe.x()}, 3);
        String ends = g.longs("ends", new long[] {probe.channel() + 1, probe.y() + 1, probe.x() + 1}, 3);
        String axes = g.longs("axes", new long[] {1, 2, 3}, 3);
        String pixel = g.node("Slice", "pixel", new String[] {images, starts, ends, axes});
        String perPicture = g.node("Reshape", "pixel_n11",
                new String[] {pixel, g.longs("shape_n11", new long[] {-1, 1, 1}, 3)});
        String placed = g.node("Mul", "placed", new String[] {perPicture, g.floats("mask", mask, 1, d1, d2)});
        String out = transposed || layout == YoloLayout.YOLOV5 ? "output0" : "output";
        g.node("Add", out, new String[] {placed, g.floats("table", flat, 1, d1, d2)});
        g.floatOutput(out, batch, d1, d2);
        return g.toModel("crossview-test", metadata);
    }

    /** A model whose single output has the given (constant plus input-dependent) shape. */
    static byte[] withOutput(int width, int height, long... outputShape) {
        OnnxGraph g = new OnnxGraph("odd-output");
        String images = g.floatInput("images", 1, 3, height, width);
        String mean = g.node("ReduceMean", "mean", new String[] {images}, OnnxGraph.ints("axes", 1, 2, 3),
                OnnxGraph.integer("keepdims", 0));
        int size = 1;
        for (long d : outputShape) {
            size *= (int) d;
        }
        long[] reshaped = new long[outputShape.length];
        reshaped[0] = -1;
        for (int i = 1; i < reshaped.length; i++) {
            reshaped[i] = 1;
        }
        String m = g.node("Reshape", "mean_r", new String[] {mean, g.longs("shape_r", reshaped, reshaped.length)});
        g.node("Mul", "out", new String[] {m, g.floats("ones", new float[size], outputShape)});
        Object[] dims = new Object[outputShape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = outputShape[i];
        }
        g.floatOutput("out", dims);
        return g.toModel("crossview-test", Map.of());
    }

    static Path write(Path dir, String name, byte[] model) throws IOException {
        return Files.write(dir.resolve(name), model);
    }

    /** A table of {@code anchors} boxes with {@code values} numbers each, all zero (nobody there). */
    static float[][] empty(int anchors, int values) {
        return new float[anchors][values];
    }
}
