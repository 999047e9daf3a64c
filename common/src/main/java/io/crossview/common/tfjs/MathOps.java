package io.crossview.common.tfjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Elementwise arithmetic and activations on float tensors, Softmax and Mean. */
final class MathOps {
    private static final Map<String, String> BINARY = Map.of("Add", "Add", "AddV2", "Add", "Sub", "Sub", "Mul", "Mul",
            "RealDiv", "Div", "Maximum", "Max", "Minimum", "Min", "Pow", "Pow");
    private static final Map<String, String> UNARY = Map.of("Sigmoid", "Sigmoid", "Tanh", "Tanh", "Relu", "Relu",
            "Elu", "Elu", "Exp", "Exp", "Sqrt", "Sqrt", "Neg", "Neg", "Abs", "Abs", "Log", "Log");

    private MathOps() {
    }

    static void register(Map<String, Op> ops) {
        BINARY.forEach((tf, onnx) -> ops.put(tf, (n, c) -> binary(n, c, onnx)));
        UNARY.forEach((tf, onnx) -> ops.put(tf, (n, c) -> c.put(n, c.in(n, 0).renamed(
                c.node(onnx, n.name(), List.of(c.tensor(n, 0)))))));
        ops.put("LeakyRelu", (n, c) -> c.put(n, c.in(n, 0).renamed(c.node("LeakyRelu", n.name(),
                List.of(c.tensor(n, 0)), OnnxAttrs.real("alpha", n.real("alpha", 0.2f))))));
        ops.put("Relu6", (n, c) -> c.put(n, c.in(n, 0).renamed(relu6(c, n.name(), c.tensor(n, 0)))));
        ops.put("BiasAdd", MathOps::biasAdd);
        ops.put("Softmax", (n, c) -> c.put(n, c.in(n, 0).renamed(c.node("Softmax", n.name(), List.of(c.tensor(n, 0)),
                OnnxAttrs.integer("axis", c.in(n, 0).rank() - 1)))));
        ops.put("Mean", MathOps::mean);
    }

    /** ONNX Clip to [0, 6]. */
    static String relu6(Conversion c, String name, String input) {
        return c.node("Clip", name, List.of(input, c.floats(name + "/min", new float[] {0f}),
                c.floats(name + "/max", new float[] {6f})));
    }

    private static void binary(TfjsNode n, Conversion c, String onnx) {
        Value a = c.in(n, 0);
        Value b = c.in(n, 1);
        String out = c.node(onnx, n.name(), List.of(c.tensor(n, 0), c.tensor(n, 1)));
        c.put(n, broadcast(n, out, a, b));
    }

    /** The numpy-style broadcast of two shapes, which TF and ONNX share. */
    static Value broadcast(TfjsNode n, String name, Value a, Value b) {
        int rank = Math.max(a.rank(), b.rank());
        long[] shape = new long[rank];
        byte[] sym = new byte[rank];
        for (int i = 0; i < rank; i++) {
            int ia = i - (rank - a.rank());
            int ib = i - (rank - b.rank());
            long da = ia < 0 ? 1 : a.shape()[ia];
            long db = ib < 0 ? 1 : b.shape()[ib];
            byte sa = ia < 0 ? Value.FIXED : a.sym()[ia];
            byte sb = ib < 0 ? Value.FIXED : b.sym()[ib];
            if (da != db && da != 1 && db != 1) {
                throw new UnsupportedOpException(n, "shapes " + java.util.Arrays.toString(a.shape()) + " and "
                        + java.util.Arrays.toString(b.shape()) + " do not broadcast");
            }
            shape[i] = Math.max(da, db);
            sym[i] = da == db ? Value.merge(sa, sb) : da > db ? sa : sb;
        }
        return Value.dynamic(name, shape, sym);
    }

    private static void biasAdd(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        String bias = c.tensor(n, 1);
        if (n.string("data_format", "NHWC").equals("NCHW") && x.rank() > 2) {
            ConstTensor b = c.constant(n, 1, "the bias");
            long[] shape = new long[x.rank() - 1];
            java.util.Arrays.fill(shape, 1);
            shape[0] = b.size();
            bias = c.floats(n.name() + "/bias", b.asFloats(), shape);
        }
        c.put(n, x.renamed(c.node("Add", n.name(), List.of(c.tensor(n, 0), bias))));
    }

    private static void mean(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        long[] axes = c.constant(n, 1, "axes").asLongs();
        boolean keep = n.bool("keep_dims", false);
        List<Integer> reduced = new ArrayList<>();
        for (int i = 0; i < axes.length; i++) {
            axes[i] = ArrayOps.axis(n, axes[i], x.rank());
            reduced.add((int) axes[i]);
        }
        List<Long> shape = new ArrayList<>();
        List<Byte> sym = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            if (!reduced.contains(i) || keep) {
                shape.add(reduced.contains(i) ? 1L : x.shape()[i]);
                sym.add(reduced.contains(i) ? Value.FIXED : x.sym()[i]);
            }
        }
        byte[] s = new byte[sym.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = sym.get(i);
        }
        String out = c.node("ReduceMean", n.name(), List.of(c.tensor(n, 0)), OnnxAttrs.ints("axes", axes),
                OnnxAttrs.integer("keepdims", keep ? 1 : 0));
        c.put(n, Value.dynamic(out, shape.stream().mapToLong(Long::longValue).toArray(), s));
    }
}
