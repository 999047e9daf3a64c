package io.crossview.trainer.backbone;

import static io.crossview.common.tfjs.TinyGraph.attrs;
import static io.crossview.common.tfjs.TinyGraph.ints;
import static io.crossview.common.tfjs.TinyGraph.s;
import static io.crossview.common.tfjs.TinyGraph.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.crossview.common.tfjs.ConvChain;
import io.crossview.common.tfjs.TfjsGraph;
import io.crossview.common.tfjs.TfjsToOnnx;
import io.crossview.common.tfjs.TinyGraph;
import io.crossview.trainer.model.Tensors;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportedTrunkTest {
    @TempDir
    Path dir;

    private static float[] random(Random r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    private static String conv(String padding, int stride, String... fused) {
        return attrs(s("padding", padding), ints("strides", 1, stride, stride, 1), ints("dilations", 1, 1, 1, 1),
                s("data_format", "NHWC"), strings("fused_ops", fused), "\"T\":{\"type\":\"DT_FLOAT\"}");
    }

    /**
     * A MobileNetV2 block in miniature, as TF.js writes one: input scaling, a stride-2 SAME conv
     * with Relu6 (even input size, so TF pads only the bottom and right), a depthwise conv, a
     * linear 1x1 projection and a residual addition.
     */
    private TfjsGraph tinyBackbone() throws Exception {
        Random r = new Random(7);
        return TfjsGraph.read(new TinyGraph().input("x", 1, 10, 6, 3)
                .floats("two", new float[] {2f}).floats("one", new float[] {1f})
                .node("mul", "Mul", "", "x", "two").node("sub", "Sub", "", "mul", "one")
                .floats("w1", random(r, 3 * 3 * 3 * 8, 0.3), 3, 3, 3, 8).floats("b1", random(r, 8, 0.1), 8)
                .node("stem", "_FusedConv2D", conv("SAME", 2, "BiasAdd", "Relu6"), "sub", "w1", "b1")
                .floats("w2", random(r, 3 * 3 * 8, 0.3), 3, 3, 8, 1).floats("b2", random(r, 8, 0.1), 8)
                .node("dw", "FusedDepthwiseConv2dNative", conv("SAME", 1, "BiasAdd", "Relu6"), "stem", "w2", "b2")
                .floats("w3", random(r, 8 * 8, 0.3), 1, 1, 8, 8).floats("b3", random(r, 8, 0.1), 8)
                .node("project", "_FusedConv2D", conv("VALID", 1, "BiasAdd"), "dw", "w3", "b3")
                .node("add", "AddV2", "", "stem", "project")
                .output("add").write(dir));
    }

    @Test
    void theImportedTrunkComputesWhatTheTfjsGraphComputes() throws Exception {
        TfjsGraph graph = tinyBackbone();
        ConvChain chain = ConvChain.of(graph, "add");
        assertEquals(8, chain.outChannels());
        float[] nhwc = random(new Random(3), 10 * 6 * 3, 0.5);
        float[] expected;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(TfjsToOnnx.convert(graph, Map.of()), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(nhwc), new long[] {1, 10, 6, 3});
             OrtSession.Result out = session.run(Map.of("x", in))) {
            OnnxTensor y = (OnnxTensor) out.get(0);
            assertArrayEquals(new long[] {1, 5, 3, 8}, y.getInfo().getShape());
            expected = new float[15 * 8];
            y.getFloatBuffer().get(expected);
        }
        try (Module owner = new Module()) {
            ImportedTrunk trunk = new ImportedTrunk(owner, "mnv2", chain);
            Tensor nchw = Tensors.floats(nhwc, 1, 10, 6, 3).permute(0, 3, 1, 2).contiguous();
            Tensor y = trunk.forward(nchw);
            assertArrayEquals(new long[] {1, 8, 5, 3}, Tensors.shape(y));
            float[] got = Tensors.values(y.permute(0, 2, 3, 1).contiguous());
            double worst = 0;
            for (int i = 0; i < got.length; i++) {
                worst = Math.max(worst, Math.abs(got[i] - expected[i]));
            }
            assertTrue(worst <= 1e-5, "largest difference " + worst);
            assertEquals(3 * 2, owner.parameters().size(), "a weight and a bias per convolution, trainable");
        }
    }

    @Test
    void samePaddingPutsTheOddRowAndColumnAtTheEnd() {
        assertArrayEquals(new long[] {0, 1, 0, 1}, ImportedTrunk.samePads(10, 6, 3, 2));
        assertArrayEquals(new long[] {1, 1, 1, 1}, ImportedTrunk.samePads(9, 7, 3, 2));
        assertArrayEquals(new long[] {1, 1, 1, 1}, ImportedTrunk.samePads(9, 7, 3, 1));
        assertArrayEquals(new long[] {0, 0, 0, 0}, ImportedTrunk.samePads(8, 8, 1, 1));
    }
}
