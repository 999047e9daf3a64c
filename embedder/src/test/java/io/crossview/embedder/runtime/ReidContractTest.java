package io.crossview.embedder.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto;
import io.crossview.common.onnx.OnnxGraph;
import io.crossview.embedder.testing.Pictures;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The re-ID model contract of DESIGN.md on models the project builds: where the
 * normalisation happens, channel order, and half-precision exports.
 */
class ReidContractTest {
    private static final float[] PROJECTION = {1, 0, 2, -1, 0, 1, 1, 1, -1, 2, 0, 1}; // [3,4]

    /** Mean colour per channel, projected to 4 dimensions; optionally normalising its own input first. */
    private static byte[] projector(boolean normalisesItself, Map<String, String> metadata) {
        OnnxGraph g = new OnnxGraph("projector");
        String x = g.floatInput("images", "N", 3, 8, 4);
        if (normalisesItself) {
            String mean = g.floats("mean", new float[] {0.485f, 0.456f, 0.406f}, 1, 3, 1, 1);
            String std = g.floats("std", new float[] {0.229f, 0.224f, 0.225f}, 1, 3, 1, 1);
            x = g.node("Div", "normalised", new String[] {g.node("Sub", "centred", new String[] {x, mean}), std});
        }
        String pooled = g.node("ReduceMean", "pooled", new String[] {x}, OnnxGraph.ints("axes", 2, 3),
                OnnxGraph.integer("keepdims", 0));
        g.node("MatMul", "global", new String[] {pooled, g.floats("w", PROJECTION, 3, 4)});
        g.floatOutput("global", "N", 4);
        return g.toModel("test", metadata);
    }

    @Test
    void aModelThatNormalisesItselfAndOneThatDoesNotGiveTheSameEmbeddingsWhenEachIsDeclaredRight() {
        // the first declares mean 0 and std 1 (inputs in [0,1]) and normalises inside the graph;
        // the second says nothing, so the torchreid defaults normalise before it
        byte[] inside = projector(true, Map.of("crossview.mean", "0", "crossview.std", "1"));
        byte[] outside = projector(false, Map.of());
        try (ReidModel a = ReidModel.open(inside); ReidModel b = ReidModel.open(outside);
             Mat person = Pictures.person(Pictures.RED, Pictures.BLUE, 0, 0, 1, 1, 1)) {
            assertArrayEquals(a.embed(List.of(person)).get(0).global(), b.embed(List.of(person)).get(0).global(), 1e-5f);
        }
    }

    @Test
    void declaringTheWrongChannelOrderChangesTheEmbedding() {
        try (ReidModel rgb = ReidModel.open(projector(false, Map.of()));
             ReidModel bgr = ReidModel.open(projector(false, Map.of("crossview.channel_order", "BGR")));
             Mat red = Pictures.uniform(16, 8, 0, 0, 255)) {
            float[] right = rgb.embed(List.of(red)).get(0).global();
            float[] wrong = bgr.embed(List.of(red)).get(0).global();
            double cosine = 0;
            for (int i = 0; i < right.length; i++) {
                cosine += right[i] * wrong[i];
            }
            assertTrue(cosine < 0.9, "a red crop read as blue is another colour to the model: cosine " + cosine);
        }
    }

    @Test
    void aHalfPrecisionExportIsAcceptedAndAgreesWithItsFloatTwin() {
        OnnxGraph g = new OnnxGraph("fp16");
        String x = g.input("images", TensorProto.DataType.FLOAT16, "N", 3, 8, 4);
        String asFloat = g.node("Cast", "as_float", new String[] {x},
                OnnxGraph.integer("to", TensorProto.DataType.FLOAT.getNumber()));
        String pooled = g.node("ReduceMean", "pooled", new String[] {asFloat}, OnnxGraph.ints("axes", 2, 3),
                OnnxGraph.integer("keepdims", 0));
        String projected = g.node("MatMul", "projected", new String[] {pooled, g.floats("w", PROJECTION, 3, 4)});
        g.node("Cast", "global", new String[] {projected},
                OnnxGraph.integer("to", TensorProto.DataType.FLOAT16.getNumber()));
        g.output("global", TensorProto.DataType.FLOAT16, "N", 4);
        try (ReidModel half = ReidModel.open(g.toModel("test", Map.of()));
             ReidModel full = ReidModel.open(projector(false, Map.of()));
             Mat person = Pictures.person(Pictures.GREEN, Pictures.DARK, 0, 0, 1, 1, 2)) {
            assertTrue(half.toString().contains("fp16"), half.toString());
            assertArrayEquals(full.embed(List.of(person)).get(0).global(), half.embed(List.of(person)).get(0).global(),
                    5e-3f, "half precision keeps about three digits");
        }
    }

    @Test
    void withoutCudaTheModelRunsOnTheCpuAndSaysWhere() {
        try (ReidModel model = ReidModel.builtin(RuntimeOptions.DEFAULT)) {
            assertEquals("cpu", model.device(), "the CPU build of ONNX Runtime has no CUDA provider");
        }
        try (ReidModel model = ReidModel.builtin(new RuntimeOptions(2, Provider.CPU, 0))) {
            assertEquals("cpu", model.device());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReidModel.builtin(new RuntimeOptions(1, Provider.CUDA, 0)));
        assertTrue(e.getMessage().startsWith("CUDA was asked for and is not available"), e.getMessage());
    }
}
