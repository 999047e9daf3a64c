package io.crossview.common.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Convolutions and pooling. TF runs them NHWC with HWIO filters, ONNX NCHW with OIHW: each becomes
 * Transpose, Conv, Transpose, with the filter transposed here once; the peephole pass then cancels
 * the transposes against those the graph already has around it.
 */
final class ConvOps {
    private static final Set<String> BIAS_ADDS = Set.of("Add", "AddV2", "BiasAdd");

    private ConvOps() {
    }

    static void register(Map<String, Op> ops) {
        ops.put("Conv2D", (n, c) -> conv(n, c, false));
        ops.put("DepthwiseConv2dNative", (n, c) -> conv(n, c, true));
        ops.put("FusedConv2D", (n, c) -> conv(n, c, false));
        ops.put("_FusedConv2D", (n, c) -> conv(n, c, false));
        ops.put("FusedDepthwiseConv2dNative", (n, c) -> conv(n, c, true));
        ops.put("MaxPool", (n, c) -> pool(n, c, "MaxPool"));
        ops.put("AvgPool", (n, c) -> pool(n, c, "AveragePool"));
        ResizeOps.register(ops);
    }

    private static void conv(TfjsNode n, Conversion c, boolean depthwise) {
        Layout layout = Layout.of(n, c.in(n, 0));
        Value x = layout.toNchw(c, c.in(n, 0), c.tensor(n, 0));
        ConstTensor f = c.constant(n, 1, "the filter");
        long[] fs = f.shape();
        if (fs.length != 4) {
            throw new UnsupportedOpException(n, "the filter must be 4-D, got " + f);
        }
        long channels = x.shape()[1];
        long perGroup = depthwise ? 1 : fs[2];
        long outChannels = depthwise ? fs[2] * fs[3] : fs[3];
        if (channels % perGroup != 0 || (depthwise && fs[2] != channels)) {
            throw new UnsupportedOpException(n, "filter " + f + " does not fit " + channels + " input channels");
        }
        long groups = channels / perGroup;
        String weights = c.floats(n.name() + "/weights", oihw(f, depthwise), outChannels, perGroup, fs[0], fs[1]);
        List<String> inputs = new ArrayList<>(List.of(x.onnx(), weights));
        List<String> fused = n.strings("fused_ops");
        int activation = 0;
        if (!fused.isEmpty() && fused.get(0).equals("BiasAdd")) {
            inputs.add(c.tensor(n, 2));
            activation = 1;
        } else if (fused.isEmpty()) {
            String bias = followingBias(n, c, outChannels);
            if (bias != null) {
                inputs.add(bias);
            }
        }
        long[] dilations = layout.spatial(n.ints("dilations"));
        List<AttributeProto> attrs = new ArrayList<>(List.of(OnnxAttrs.ints("kernel_shape", fs[0], fs[1]),
                OnnxAttrs.ints("strides", layout.spatial(n.ints("strides"))), OnnxAttrs.integer("group", groups)));
        if (dilations.length == 2) {
            attrs.add(OnnxAttrs.ints("dilations", dilations));
        }
        long[] kernel = {(fs[0] - 1) * (dilations.length == 2 ? dilations[0] : 1) + 1,
            (fs[1] - 1) * (dilations.length == 2 ? dilations[1] : 1) + 1};
        Value y = Value.dynamic(c.node("Conv", n.name() + "/conv", inputs, padding(n, layout, attrs)),
                layout.outputShape(n, x, outChannels, kernel), layout.outputSym(x));
        for (String op : fused.subList(Math.min(activation, fused.size()), fused.size())) {
            y = activate(n, c, op, y);
        }
        c.put(n, layout.back(c, y, n.name()));
    }

    /**
     * The constant bias of the Add that alone reads this conv's output, taken into the Conv so the
     * graph's own transposes around the conv can cancel; the Add is then skipped.
     */
    private static String followingBias(TfjsNode conv, Conversion c, long channels) {
        List<TfjsNode> readers = c.consumers(conv.name());
        if (readers.size() != 1 || !BIAS_ADDS.contains(readers.get(0).op())) {
            return null;
        }
        TfjsNode add = readers.get(0);
        String other = add.inputs().get(add.inputs().get(0).equals(conv.name()) ? 1 : 0);
        if (!c.has(other) || !c.value(other).isConstant()) {
            return null;
        }
        ConstTensor b = c.value(other).constant();
        boolean vector = b.isFloat() && b.size() == channels && b.shape().length >= 1
                && b.shape()[b.shape().length - 1] == channels;
        if (!vector || (add.op().equals("BiasAdd") && add.string("data_format", "NHWC").equals("NCHW"))) {
            return null;
        }
        c.skip(add.name());
        c.alias(add.name(), conv.name());
        return c.floats(other, b.floats(), channels);
    }

    private static Value activate(TfjsNode n, Conversion c, String op, Value y) {
        String name = n.name() + "/" + op;
        return switch (op) {
            case "Relu" -> y.renamed(c.node("Relu", name, List.of(y.onnx())));
            case "Relu6" -> y.renamed(MathOps.relu6(c, name, y.onnx()));
            case "LeakyRelu" -> y.renamed(c.node("LeakyRelu", name, List.of(y.onnx()),
                    OnnxAttrs.real("alpha", n.real("leakyrelu_alpha", 0.2f))));
            case "Elu" -> y.renamed(c.node("Elu", name, List.of(y.onnx())));
            default -> throw new UnsupportedOpException(n, "fused op " + op + " is not supported (BiasAdd, Relu, Relu6, "
                    + "LeakyRelu, Elu are)");
        };
    }

    /** HWIO (or H, W, C, multiplier for depthwise) to OIHW, where depthwise output channel is c * multiplier + m. */
    static float[] oihw(ConstTensor f, boolean depthwise) {
        int kh = (int) f.shape()[0];
        int kw = (int) f.shape()[1];
        int ci = (int) f.shape()[2];
        int co = (int) f.shape()[3];
        float[] out = new float[f.size()];
        float[] in = f.asFloats();
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        float v = in[((y * kw + x) * ci + i) * co + o];
                        int at = depthwise ? ((i * co + o) * kh + y) * kw + x : ((o * ci + i) * kh + y) * kw + x;
                        out[at] = v;
                    }
                }
            }
        }
        return out;
    }

    private static AttributeProto[] padding(TfjsNode n, Layout layout, List<AttributeProto> attrs) {
        String padding = n.string("padding", "VALID");
        switch (padding) {
            case "VALID" -> attrs.add(OnnxAttrs.ints("pads", 0, 0, 0, 0));
            case "SAME" -> attrs.add(OnnxAttrs.string("auto_pad", "SAME_UPPER"));
            case "EXPLICIT" -> {
                long[] p = layout.explicitPads(n.ints("explicit_paddings"));
                attrs.add(OnnxAttrs.ints("pads", p));
            }
            default -> throw new UnsupportedOpException(n, "padding " + padding + " is not supported");
        }
        return attrs.toArray(AttributeProto[]::new);
    }

    private static void pool(TfjsNode n, Conversion c, String onnxOp) {
        Layout layout = Layout.of(n, c.in(n, 0));
        Value x = layout.toNchw(c, c.in(n, 0), c.tensor(n, 0));
        long[] kernel = layout.spatial(n.ints("ksize"));
        List<AttributeProto> attrs = new ArrayList<>(List.of(OnnxAttrs.ints("kernel_shape", kernel),
                OnnxAttrs.ints("strides", layout.spatial(n.ints("strides")))));
        Value y = Value.dynamic(c.node(onnxOp, n.name() + "/pool", List.of(x.onnx()), padding(n, layout, attrs)),
                layout.outputShape(n, x, x.shape()[1], kernel), layout.outputSym(x));
        c.put(n, layout.back(c, y, n.name()));
    }
}
