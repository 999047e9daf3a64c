package io.crossview.common.tfjs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A convolutional backbone read out of a TF.js graph as plain layers, so a trainer can take its
 * weights: convolutions (dense or depthwise, BN already folded into a bias, with their fused
 * activation), residual additions, and the scalar scale and shift a graph may apply to its
 * input first. It is what the ONNX converter reads too, in the form a network library wants:
 * filters in OIHW, TF's SAME padding kept as a flag (it pads more at the bottom and right).
 *
 * @param input the Placeholder the chain starts from
 * @param steps in an order where each step's inputs come before it; the last is the output
 */
public record ConvChain(String input, List<Step> steps) {
    public ConvChain {
        steps = List.copyOf(steps);
    }

    /** One layer; {@code name} is its TF.js node, which later steps refer to. */
    public sealed interface Step permits Conv, Add, Affine {
        String name();
    }

    public enum Activation { NONE, RELU, RELU6 }

    /**
     * @param weight OIHW: [out, in / groups, kernel, kernel]
     * @param bias   one per output channel (zeros where the graph has none)
     */
    public record Conv(String name, String from, int in, int out, int groups, int kernel, int stride, boolean same,
                       float[] weight, float[] bias, Activation activation) implements Step {
    }

    public record Add(String name, String a, String b) implements Step {
    }

    /** {@code from * scale + shift}, scalars. */
    public record Affine(String name, String from, float scale, float shift) implements Step {
    }

    /** The steps from the graph's input up to {@code output}; one line naming the first node it cannot take. */
    public static ConvChain of(TfjsGraph graph, String output) throws ModelFormatException {
        Map<String, TfjsNode> byName = new HashMap<>();
        graph.nodes().forEach(n -> byName.put(n.name(), n));
        if (!byName.containsKey(output)) {
            throw new ModelFormatException(graph.source() + " has no node " + output);
        }
        String input = null;
        Map<String, Integer> channels = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (TfjsNode n : order(byName, output)) {
            switch (n.op()) {
                case "Placeholder" -> {
                    input = n.name();
                    long[] shape = graph.inputs().get(n.name());
                    channels.put(n.name(), shape != null && shape.length == 4 ? (int) shape[3] : -1);
                }
                case "Const" -> { }
                case "Conv2D", "_FusedConv2D", "FusedConv2D" -> steps.add(conv(graph, n, false, channels));
                case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> steps.add(conv(graph, n, true, channels));
                case "Add", "AddV2" -> {
                    steps.add(new Add(n.name(), ref(n, 0), ref(n, 1)));
                    channels.put(n.name(), channels.getOrDefault(ref(n, 0), -1));
                }
                case "Mul", "Sub" -> {
                    boolean constantFirst = graph.constants().containsKey(ref(n, 0));
                    String from = ref(n, constantFirst ? 1 : 0);
                    float c = scalar(graph, n, constantFirst ? 0 : 1);
                    Affine step;
                    if (n.op().equals("Mul")) {
                        step = new Affine(n.name(), from, c, 0);
                    } else {
                        // x - c, or c - x
                        step = constantFirst ? new Affine(n.name(), from, -1, c) : new Affine(n.name(), from, 1, -c);
                    }
                    steps.add(step);
                    channels.put(n.name(), channels.getOrDefault(from, -1));
                }
                default -> throw new UnsupportedOpException(n, "a backbone chain takes convolutions, additions and a "
                        + "scalar Mul/Sub on its input");
            }
        }
        if (input == null) {
            throw new ModelFormatException(graph.source() + ": " + output + " does not depend on an input");
        }
        return new ConvChain(input, steps);
    }

    public int outChannels() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) instanceof Conv c) {
                return c.out();
            }
        }
        return -1;
    }

    private static Conv conv(TfjsGraph graph, TfjsNode n, boolean depthwise, Map<String, Integer> channels)
            throws ModelFormatException {
        if (!n.string("data_format", "NHWC").equals("NHWC")) {
            throw new UnsupportedOpException(n, "only NHWC convolutions can be imported");
        }
        for (long d : n.ints("dilations")) {
            if (d != 1) {
                throw new UnsupportedOpException(n, "dilated convolutions cannot be imported");
            }
        }
        ConstTensor f = constant(graph, n, 1, "filter");
        long[] fs = f.shape();
        if (fs.length != 4 || fs[0] != fs[1]) {
            throw new UnsupportedOpException(n, "the filter must be square HWIO, got " + f);
        }
        int in = (int) fs[2];
        int out = (int) (depthwise ? fs[2] * fs[3] : fs[3]);
        int known = channels.getOrDefault(ref(n, 0), -1);
        if (known > 0 && known != in) {
            throw new UnsupportedOpException(n, "filter " + f + " does not fit " + known + " input channels");
        }
        List<String> fused = n.strings("fused_ops");
        float[] bias = new float[out];
        int activationAt = 0;
        if (!fused.isEmpty() && fused.get(0).equals("BiasAdd")) {
            float[] b = constant(graph, n, 2, "bias").asFloats();
            if (b.length != out) {
                throw new UnsupportedOpException(n, "bias of " + b.length + " for " + out + " channels");
            }
            bias = b;
            activationAt = 1;
        }
        Activation activation = Activation.NONE;
        if (fused.size() > activationAt) {
            activation = switch (fused.get(activationAt)) {
                case "Relu" -> Activation.RELU;
                case "Relu6" -> Activation.RELU6;
                default -> throw new UnsupportedOpException(n, "fused op " + fused.get(activationAt)
                        + " cannot be imported (BiasAdd, Relu, Relu6 can)");
            };
        }
        long[] strides = n.ints("strides");
        int stride = strides.length == 4 ? (int) strides[1] : 1;
        String padding = n.string("padding", "VALID");
        if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw new UnsupportedOpException(n, "padding " + padding + " cannot be imported (SAME, VALID can)");
        }
        channels.put(n.name(), out);
        return new Conv(n.name(), ref(n, 0), in, out, depthwise ? in : 1, (int) fs[0], stride, padding.equals("SAME"),
                ConvOps.oihw(f, depthwise), bias, activation);
    }

    private static float scalar(TfjsGraph graph, TfjsNode n, int input) throws ModelFormatException {
        ConstTensor c = constant(graph, n, input, "operand");
        if (c.size() != 1) {
            throw new UnsupportedOpException(n, "only a scalar " + n.op() + " on the input can be imported, got " + c);
        }
        return (float) c.get(0);
    }

    private static ConstTensor constant(TfjsGraph graph, TfjsNode n, int input, String what)
            throws ModelFormatException {
        if (n.inputs().size() <= input || !graph.constants().containsKey(ref(n, input))) {
            throw new UnsupportedOpException(n, "its " + what + " (input " + input + ") is not a constant");
        }
        return graph.constants().get(ref(n, input));
    }

    private static String ref(TfjsNode n, int i) {
        String r = n.inputs().get(i);
        return r.endsWith(":0") ? r.substring(0, r.length() - 2) : r;
    }

    /** The nodes {@code output} needs, each after its inputs. */
    private static List<TfjsNode> order(Map<String, TfjsNode> byName, String output) throws ModelFormatException {
        List<TfjsNode> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>(List.of(output));
        while (!stack.isEmpty()) {
            String name = stack.peek();
            TfjsNode n = byName.get(name);
            if (n == null) {
                throw new ModelFormatException("node '" + name + "' is used but not defined");
            }
            if (done.contains(name)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (int i = 0; i < n.inputs().size(); i++) {
                String in = ref(n, i);
                if (!done.contains(in)) {
                    stack.push(in);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                done.add(name);
                out.add(n);
            }
        }
        return out;
    }
}
