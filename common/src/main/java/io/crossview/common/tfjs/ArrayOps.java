package io.crossview.common.tfjs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Ops that move data without arithmetic: reshapes, transposes, concatenation, splits, pads, slices. */
final class ArrayOps {
    private ArrayOps() {
    }

    static void register(Map<String, Op> ops) {
        ops.put("Identity", (n, c) -> c.put(n, c.in(n, 0)));
        ops.put("Snapshot", ops.get("Identity"));
        ops.put("StopGradient", ops.get("Identity"));
        ops.put("Cast", ArrayOps::cast);
        ops.put("Reshape", ArrayOps::reshape);
        ops.put("Transpose", ArrayOps::transpose);
        ops.put("ConcatV2", ArrayOps::concat);
        ops.put("SplitV", (n, c) -> split(n, c, 0, c.constant(n, 1, "size_splits").asLongs(), c.constant(n, 2, "split_dim")));
        ops.put("Split", (n, c) -> split(n, c, 1, null, c.constant(n, 0, "split_dim")));
        ops.put("Pad", ArrayOps::pad);
        ops.put("PadV2", ArrayOps::pad);
        ops.put("MirrorPad", ArrayOps::pad);
        ops.put("Squeeze", ArrayOps::squeeze);
        ops.put("ExpandDims", ArrayOps::expandDims);
        ops.put("StridedSlice", Slicing::stridedSlice);
    }

    private static void cast(TfjsNode n, Conversion c) {
        if (!n.type("DstT", "DT_FLOAT").equals("DT_FLOAT")) {
            throw new UnsupportedOpException(n, "only casts to DT_FLOAT of computed tensors are supported");
        }
        c.put(n, c.in(n, 0));
    }

    /**
     * A Reshape whose target keeps the free input size free: a target entry equal to the input dim at
     * the same index becomes 0 (ONNX: copy that dim) and the one entry left that depends on a free dim
     * becomes -1, so the model reshapes right at any batch and picture size.
     */
    private static void reshape(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        long[] target = Folding.resolve(n, ConstTensor.size(x.shape()), c.constant(n, 1, "the target shape").asLongs());
        long[] onnx = target.clone();
        byte[] sym = new byte[target.length];
        if (c.freeSize) {
            boolean[] copied = new boolean[x.rank()];
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < target.length; i++) {
                if (i < x.rank() && target[i] == x.shape()[i]) {
                    onnx[i] = 0;
                    sym[i] = x.sym()[i];
                    copied[i] = true;
                } else {
                    rest.add(i);
                }
            }
            boolean freeLeft = false;
            for (int i = 0; i < x.rank(); i++) {
                freeLeft |= !copied[i] && x.sym()[i] != Value.FIXED;
            }
            if (freeLeft) {
                if (rest.size() != 1) {
                    throw new UnsupportedOpException(n, "target " + Arrays.toString(target) + " of input "
                            + Arrays.toString(x.shape()) + " has " + rest.size()
                            + " entries that depend on the free input size; convert with a fixed size");
                }
                onnx[rest.get(0)] = -1;
                sym[rest.get(0)] = Value.FREE;
            }
        }
        String shape = c.longs(n.name() + "/shape", onnx, onnx.length);
        c.put(n, Value.dynamic(c.node("Reshape", n.name(), List.of(x.onnx(), shape)), target, sym));
    }

    private static void transpose(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        long[] perm = c.constant(n, 1, "perm").asLongs();
        c.put(n, x.permuted(c.transpose(c.tensor(n, 0), n.name(), perm), perm));
    }

    private static void concat(TfjsNode n, Conversion c) {
        int count = n.inputs().size() - 1;
        Value first = c.in(n, 0);
        int axis = axis(n, c.constant(n, count, "axis").asLongs()[0], first.rank());
        long[] shape = first.shape().clone();
        byte[] sym = first.sym().clone();
        List<String> inputs = new ArrayList<>();
        shape[axis] = 0;
        for (int i = 0; i < count; i++) {
            Value v = c.in(n, i);
            shape[axis] += v.shape()[axis];
            for (int d = 0; d < sym.length; d++) {
                sym[d] = Value.merge(sym[d], v.sym()[d]);
            }
            inputs.add(c.tensor(n, i));
        }
        if (sym[axis] == Value.BATCH && count > 1) {
            sym[axis] = Value.FREE;
        }
        c.put(n, Value.dynamic(c.node("Concat", n.name(), inputs, OnnxAttrs.integer("axis", axis)), shape, sym));
    }

    /** SplitV (sizes given, one may be -1) or Split (num_split equal parts); outputs are {@code name}, {@code name:1}... */
    private static void split(TfjsNode n, Conversion c, int data, long[] sizes, ConstTensor dim) {
        Value x = c.in(n, data);
        int axis = axis(n, dim.asLongs()[0], x.rank());
        long total = x.shape()[axis];
        if (sizes == null) {
            sizes = new long[(int) n.integer("num_split", 1)];
            Arrays.fill(sizes, total / sizes.length);
        }
        long known = Arrays.stream(sizes).filter(s -> s >= 0).sum();
        sizes = Arrays.stream(sizes).map(s -> s < 0 ? total - known : s).toArray();
        List<String> outs = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            outs.add(c.fresh(k == 0 ? n.name() : n.name() + ":" + k));
        }
        String split = c.longs(n.name() + "/split", sizes, sizes.length);
        c.nodes("Split", outs, List.of(c.tensor(n, data), split), OnnxAttrs.integer("axis", axis));
        for (int k = 0; k < sizes.length; k++) {
            long[] shape = x.shape().clone();
            byte[] sym = x.sym().clone();
            shape[axis] = sizes[k];
            sym[axis] = Value.FIXED;
            c.put(k == 0 ? n.name() : n.name() + ":" + k, Value.dynamic(outs.get(k), shape, sym));
        }
    }

    /** Pad, PadV2 (with a constant value) and MirrorPad (REFLECT): paddings [rank, 2] become ONNX pads. */
    private static void pad(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        long[] p = c.constant(n, 1, "paddings").asLongs();
        int rank = x.rank();
        long[] pads = new long[2 * rank];
        long[] shape = x.shape().clone();
        for (int d = 0; d < rank; d++) {
            pads[d] = p[2 * d];
            pads[rank + d] = p[2 * d + 1];
            shape[d] += p[2 * d] + p[2 * d + 1];
        }
        List<String> inputs = new ArrayList<>(List.of(c.tensor(n, 0), c.longs(n.name() + "/pads", pads, pads.length)));
        String mode = "constant";
        if (n.op().equals("PadV2")) {
            inputs.add(c.floats(n.name() + "/value", new float[] {(float) c.constant(n, 2, "constant_values").get(0)}));
        } else if (n.op().equals("MirrorPad")) {
            if (!n.string("mode", "REFLECT").equals("REFLECT")) {
                throw new UnsupportedOpException(n, "only mode REFLECT has an ONNX equivalent");
            }
            mode = "reflect";
        }
        c.put(n, Value.dynamic(c.node("Pad", n.name(), inputs, OnnxAttrs.string("mode", mode)), shape, x.sym()));
    }

    /** The shape without the squeezed dims: {@code squeeze_dims}, or all dims of size 1 if it is empty. */
    static long[] squeezed(TfjsNode n, long[] shape) {
        List<Integer> axes = squeezeAxes(n, shape);
        long[] out = new long[shape.length - axes.size()];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!axes.contains(i)) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    private static List<Integer> squeezeAxes(TfjsNode n, long[] shape) {
        List<Integer> axes = new ArrayList<>();
        long[] dims = n.has("squeeze_dims") ? n.ints("squeeze_dims") : n.ints("axis");
        for (long d : dims) {
            axes.add(axis(n, d, shape.length));
        }
        for (int i = 0; dims.length == 0 && i < shape.length; i++) {
            if (shape[i] == 1) {
                axes.add(i);
            }
        }
        return axes;
    }

    private static void squeeze(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        List<Integer> axes = squeezeAxes(n, x.shape());
        c.put(n, Slicing.squeeze(c, n.name(), x, axes));
    }

    private static void expandDims(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        int axis = (int) c.constant(n, 1, "axis").asLongs()[0];
        axis = axis < 0 ? axis + x.rank() + 1 : axis;
        long[] shape = new long[x.rank() + 1];
        byte[] sym = new byte[x.rank() + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == axis ? 1 : x.shape()[j];
            sym[i] = i == axis ? Value.FIXED : x.sym()[j++];
        }
        String axes = c.longs(n.name() + "/axes", new long[] {axis}, 1);
        c.put(n, Value.dynamic(c.node("Unsqueeze", n.name(), List.of(c.tensor(n, 0), axes)), shape, sym));
    }

    /** A TF axis (negative counts from the end) as a non-negative ONNX axis. */
    static int axis(TfjsNode n, long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new UnsupportedOpException(n, "axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }
}
