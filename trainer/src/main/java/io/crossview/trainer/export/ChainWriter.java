package io.crossview.trainer.export;

import io.crossview.common.onnx.OnnxGraph;
import io.crossview.common.tfjs.ConvChain;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes an imported trunk ({@link ConvChain}, trained weights) into an ONNX graph: Conv with
 * groups and TF's SAME padding as ONNX's {@code SAME_UPPER} (the extra row and column at the
 * end, as TF pads), Relu or Clip [0, 6], Add, and the input's scalar Mul/Add.
 */
final class ChainWriter {
    private ChainWriter() {
    }

    /** The chain applied to {@code input}; returns the name of its last step's output. */
    static String write(OnnxGraph g, ConvChain chain, String input) {
        Map<String, String> outputs = new HashMap<>();
        outputs.put(chain.input(), input);
        String last = input;
        int i = 0;
        for (ConvChain.Step step : chain.steps()) {
            String name = "trunk_" + i++;
            if (step instanceof ConvChain.Conv c) {
                last = conv(g, name, outputs.get(c.from()), c);
            } else if (step instanceof ConvChain.Add a) {
                last = g.node("Add", name, new String[] {outputs.get(a.a()), outputs.get(a.b())});
            } else if (step instanceof ConvChain.Affine f) {
                String scaled = g.node("Mul", name + "_scale", new String[] {outputs.get(f.from()),
                        g.floats(name + "_s", new float[] {f.scale()})});
                last = g.node("Add", name, new String[] {scaled, g.floats(name + "_b", new float[] {f.shift()})});
            }
            outputs.put(step.name(), last);
        }
        return last;
    }

    private static String conv(OnnxGraph g, String name, String input, ConvChain.Conv c) {
        String w = g.floats(name + "_w", c.weight(), c.out(), c.in() / c.groups(), c.kernel(), c.kernel());
        String b = g.floats(name + "_bias", c.bias(), c.out());
        String y = c.same()
                ? g.node("Conv", name + "_conv", new String[] {input, w, b},
                        OnnxGraph.ints("kernel_shape", c.kernel(), c.kernel()),
                        OnnxGraph.ints("strides", c.stride(), c.stride()), OnnxGraph.integer("group", c.groups()),
                        OnnxGraph.string("auto_pad", "SAME_UPPER"))
                : g.node("Conv", name + "_conv", new String[] {input, w, b},
                        OnnxGraph.ints("kernel_shape", c.kernel(), c.kernel()),
                        OnnxGraph.ints("strides", c.stride(), c.stride()), OnnxGraph.integer("group", c.groups()));
        return switch (c.activation()) {
            case NONE -> y;
            case RELU -> g.node("Relu", name, new String[] {y});
            case RELU6 -> g.node("Clip", name, new String[] {y, g.floats(name + "_min", new float[] {0f}),
                    g.floats(name + "_max", new float[] {6f})});
        };
    }
}
