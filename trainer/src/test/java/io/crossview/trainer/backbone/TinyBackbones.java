package io.crossview.trainer.backbone;

import static io.crossview.common.tfjs.TinyGraph.attrs;
import static io.crossview.common.tfjs.TinyGraph.ints;
import static io.crossview.common.tfjs.TinyGraph.s;
import static io.crossview.common.tfjs.TinyGraph.strings;

import io.crossview.common.tfjs.ConvChain;
import io.crossview.common.tfjs.TfjsGraph;
import io.crossview.common.tfjs.TinyGraph;
import java.nio.file.Path;
import java.util.Random;

/** Backbones in miniature, written as TF.js graphs the way TF.js writes a MobileNetV2. */
public final class TinyBackbones {
    private TinyBackbones() {
    }

    static float[] random(Random r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    static String conv(String padding, int stride, String... fused) {
        return attrs(s("padding", padding), ints("strides", 1, stride, stride, 1), ints("dilations", 1, 1, 1, 1),
                s("data_format", "NHWC"), strings("fused_ops", fused), "\"T\":{\"type\":\"DT_FLOAT\"}");
    }

    /**
     * A stride-16 trunk of {@code channels} channels, as {@link io.crossview.trainer.model.NetShape.Backbone#MOBILENET_V2}
     * needs: the input scaled to [-1, 1], four stride-2 SAME convolutions with Relu6 (one of them
     * depthwise), then a linear 1x1 projection added back (a residual).
     */
    public static ConvChain strideSixteen(Path dir, int channels) throws Exception {
        Random r = new Random(5);
        int c = channels;
        TfjsGraph graph = TfjsGraph.read(new TinyGraph().input("x", 1, 32, 16, 3)
                .floats("two", new float[] {2f}).floats("one", new float[] {1f})
                .node("mul", "Mul", "", "x", "two").node("sub", "Sub", "", "mul", "one")
                .floats("w1", random(r, 9 * 3 * c, 0.3), 3, 3, 3, c).floats("b1", random(r, c, 0.1), c)
                .node("s1", "_FusedConv2D", conv("SAME", 2, "BiasAdd", "Relu6"), "sub", "w1", "b1")
                .floats("w2", random(r, 9 * c, 0.3), 3, 3, c, 1).floats("b2", random(r, c, 0.1), c)
                .node("s2", "FusedDepthwiseConv2dNative", conv("SAME", 2, "BiasAdd", "Relu6"), "s1", "w2", "b2")
                .floats("w3", random(r, 9 * c * c, 0.2), 3, 3, c, c).floats("b3", random(r, c, 0.1), c)
                .node("s3", "_FusedConv2D", conv("SAME", 2, "BiasAdd", "Relu6"), "s2", "w3", "b3")
                .floats("w4", random(r, 9 * c * c, 0.2), 3, 3, c, c).floats("b4", random(r, c, 0.1), c)
                .node("s4", "_FusedConv2D", conv("SAME", 2, "BiasAdd", "Relu6"), "s3", "w4", "b4")
                .floats("w5", random(r, c * c, 0.3), 1, 1, c, c).floats("b5", random(r, c, 0.1), c)
                .node("project", "_FusedConv2D", conv("VALID", 1, "BiasAdd"), "s4", "w5", "b5")
                .node("add", "AddV2", "", "s4", "project")
                .output("add").write(dir));
        return ConvChain.of(graph, "add");
    }
}
