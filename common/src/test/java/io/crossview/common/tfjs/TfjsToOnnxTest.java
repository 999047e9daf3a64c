package io.crossview.common.tfjs;

import static io.crossview.common.tfjs.TinyGraph.attrs;
import static io.crossview.common.tfjs.TinyGraph.b;
import static io.crossview.common.tfjs.TinyGraph.f;
import static io.crossview.common.tfjs.TinyGraph.ints;
import static io.crossview.common.tfjs.TinyGraph.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny TF.js graphs, converted and run in ONNX Runtime, against values worked out by hand. */
class TfjsToOnnxTest {
    static final String NHWC_VALID = s("data_format", "NHWC") + "," + s("padding", "VALID");

    @TempDir
    Path dir;

    @Test
    void aOneByOneConvWithHalfWeightsBiasAndLeakyReluGivesHandValues() throws Exception {
        byte[] onnx = new TinyGraph().input("x", 1, 2, 2, 2)
                .halfs("w", new float[] {0.5f, -1f}, 1, 1, 2, 1)
                .halfs("bias", new float[] {0.25f}, 1)
                .node("conv", "Conv2D", attrs(NHWC_VALID, ints("strides", 1, 1, 1, 1), ints("dilations", 1, 1, 1, 1)), "x", "w")
                .node("add", "Add", "", "conv", "bias")
                .node("act", "LeakyRelu", attrs(f("alpha", 0.1)), "add")
                .output("act").convert(dir);
        // pixels (x0, x1): y = 0.5 x0 - x1 + 0.25, then 0.1 y where negative
        float[] x = {2, 0, 0, 1, 1, 1, 4, 0.25f};
        float[] expected = {1.25f, -0.075f, -0.025f, 2f};
        try (Ort ort = new Ort(onnx)) {
            assertArrayEquals(expected, ort.first("x", x, 1, 2, 2, 2), 1e-6f);
        }
        assertEquals(List.of("Conv", "LeakyRelu", "Transpose", "Transpose"), opTypes(onnx).stream().sorted().toList(),
                "the bias add goes into the Conv");
    }

    @Test
    void aGroupedThreeByThreeConvKeepsGroupsApart() throws Exception {
        // filter in-channels 1 < input channels 2: two groups; ones on channel 0, twos on channel 1
        float[] w = new float[18];
        for (int i = 0; i < 9; i++) {
            w[2 * i] = 1;
            w[2 * i + 1] = 2;
        }
        byte[] onnx = new TinyGraph().input("x", 1, 3, 3, 2).floats("w", w, 3, 3, 1, 2)
                .node("conv", "Conv2D", attrs(NHWC_VALID, ints("strides", 1, 1, 1, 1)), "x", "w")
                .output("conv").convert(dir);
        float[] x = new float[18];
        for (int p = 0; p < 9; p++) {
            x[2 * p] = p; // channel 0: 0..8, sum 36
            x[2 * p + 1] = 1; // channel 1: nine ones
        }
        try (Ort ort = new Ort(onnx)) {
            assertArrayEquals(new float[] {36, 18}, ort.first("x", x, 1, 3, 3, 2), 1e-6f);
        }
    }

    @Test
    void padV2ThenMaxPoolSeesThePadValue() throws Exception {
        byte[] onnx = new TinyGraph().input("x", 1, 1, 2, 2)
                .ints("pads", new long[] {0, 0, 0, 0, 1, 1, 1, 1}, 4, 2)
                .floats("value", new float[] {-10}, new long[0])
                .ints("perm", new long[] {0, 2, 3, 1}, 4)
                .node("pad", "PadV2", "", "x", "pads", "value")
                .node("nhwc", "Transpose", "", "pad", "perm")
                .node("pool", "MaxPool", attrs(NHWC_VALID, ints("ksize", 1, 2, 2, 1), ints("strides", 1, 2, 2, 1)), "nhwc")
                .output("pool").convert(dir);
        // each 2x2 window of the 4x4 padded picture holds one input value and three -10s
        try (Ort ort = new Ort(onnx)) {
            assertArrayEquals(new float[] {-1, -2, -3, -4}, ort.first("x", new float[] {-1, -2, -3, -4}, 1, 1, 2, 2), 0f);
        }
    }

    @Test
    void resizeBilinearWithHalfPixelCentersDoublesLikeTf() throws Exception {
        byte[] onnx = new TinyGraph().input("x", 1, 2, 2, 1).ints("size", new long[] {4, 4}, 2)
                .node("up", "ResizeBilinear", attrs(b("half_pixel_centers", true), b("align_corners", false)), "x", "size")
                .output("up").convert(dir);
        // TF samples at (i + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, clamped: weights 1 | .75 .25 | .25 .75 | 1
        float[] expected = {1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4};
        try (Ort ort = new Ort(onnx)) {
            assertArrayEquals(expected, ort.first("x", new float[] {1, 2, 3, 4}, 1, 2, 2, 1), 1e-6f);
            assertArrayEquals(new long[] {2, 6, 10, 1}, ort.run("x", new float[30], 2, 3, 5, 1).get("up").shape(),
                    "scales, not sizes: a 3x5 picture doubles to 6x10");
        }
    }

    /** The onnx-tf head: SplitV, Sigmoid, Reshape to a folded SparseToDense + AddV2 target, Transpose. */
    static TinyGraph head() {
        return new TinyGraph().input("x", 1, 3, 2, 4)
                .ints("sizes", new long[] {1, 2}, 2).ints("dim", new long[] {1}, new long[0])
                .ints("where", new long[0], 0, 1).ints("outShape", new long[] {3}, 1).ints("gather", new long[0], 0)
                .ints("zero", new long[] {0}, new long[0]).ints("base", new long[] {1, 1, 8}, 3)
                .ints("target1", new long[] {1, 2, 8}, 3).ints("perm", new long[] {0, 2, 1}, 3)
                .node("split", "SplitV", attrs(TinyGraph.i("num_split", 2)), "x", "sizes", "dim")
                .node("sig", "Sigmoid", "", "split")
                .node("dense", "SparseToDense", attrs(b("validate_indices", true)), "where", "outShape", "gather", "zero")
                .node("target0", "AddV2", "", "base", "dense")
                .node("flat0", "Reshape", "", "sig", "target0")
                .node("flat1", "Reshape", "", "split:1", "target1")
                .node("Identity", "Transpose", "", "flat0", "perm")
                .node("t1", "Transpose", "", "flat1", "perm")
                .node("Identity_1", "Identity", "", "t1")
                .output("Identity", "Identity_1");
    }

    @Test
    void splitSigmoidReshapeAndTransposeGiveHandValues() throws Exception {
        float ln3 = (float) Math.log(3);
        float[] x = new float[24];
        x[1] = ln3;
        x[2] = -ln3;
        for (int i = 8; i < 24; i++) {
            x[i] = i - 7; // channel 1: 1..8, channel 2: 9..16
        }
        try (Ort ort = new Ort(head().convert(dir))) {
            Map<String, Ort.Output> out = ort.run("x", x, 1, 3, 2, 4);
            assertEquals(List.of("Identity", "Identity_1"), List.copyOf(out.keySet()));
            assertArrayEquals(new float[] {0.5f, 0.75f, 0.25f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f},
                    out.get("Identity").values(), 1e-6f);
            assertArrayEquals(new long[] {1, 8, 1}, out.get("Identity").shape());
            assertArrayEquals(new float[] {1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15, 8, 16},
                    out.get("Identity_1").values(), 0f);
        }
    }

    @Test
    void theConvertedHeadRunsAtAnotherBatchAndSizeThanDeclared() throws Exception {
        byte[] onnx = head().convert(dir);
        try (Ort ort = new Ort(onnx)) {
            Map<String, Ort.Output> out = ort.run("x", new float[2 * 3 * 4 * 5], 2, 3, 4, 5);
            assertArrayEquals(new long[] {2, 20, 1}, out.get("Identity").shape());
            assertArrayEquals(new long[] {2, 20, 2}, out.get("Identity_1").shape());
        }
        ModelProto model = ModelProto.parseFrom(onnx);
        assertEquals(List.of("N", "", "H", "W"), model.getGraph().getInput(0).getType().getTensorType().getShape()
                .getDimList().stream().map(TensorShapeProto.Dimension::getDimParam).toList());
        assertEquals(List.of("N", "Identity_1_d1", ""), model.getGraph().getOutput(1).getType().getTensorType()
                .getShape().getDimList().stream().map(TensorShapeProto.Dimension::getDimParam).toList());
        assertEquals(List.of("Reshape", "Reshape", "Sigmoid", "Split", "Transpose", "Transpose"),
                opTypes(onnx).stream().sorted().toList(), "no integer arithmetic left");
    }

    @Test
    void theSameGraphConvertsToTheSameBytesWithTheCallersMetadataFirst() throws Exception {
        byte[] first = head().convert(dir);
        assertArrayEquals(first, head().convert(dir));
        ModelProto model = ModelProto.parseFrom(first);
        assertEquals("test", model.getMetadataProps(0).getKey());
        assertEquals("tiny-test", model.getMetadataPropsList().stream()
                .filter(p -> p.getKey().equals("tfjs.generatedBy")).findFirst().orElseThrow().getValue());
    }

    static List<String> opTypes(byte[] onnx) throws Exception {
        return ModelProto.parseFrom(onnx).getGraph().getNodeList().stream().map(n -> n.getOpType()).toList();
    }
}
