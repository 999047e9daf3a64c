package io.crossview.common.tfjs;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Evaluates, at conversion time, ops whose inputs are all constant. onnx-tf graphs compute their
 * Reshape targets with int64 arithmetic on constants (SparseToDense of nothing, plus a constant);
 * folding it here leaves no integer arithmetic in the ONNX graph and gives the Reshape rewrite a
 * constant target to work on.
 */
final class Folding {
    static final Set<String> OPS = Set.of("Identity", "Snapshot", "StopGradient", "Add", "AddV2", "Sub", "Mul",
            "RealDiv", "FloorDiv", "Maximum", "Minimum", "Cast", "SparseToDense", "Reshape", "ConcatV2", "Pack",
            "ExpandDims", "Squeeze");

    private Folding() {
    }

    /** The folded value, or null when the op is not one folding knows or an input is not constant. */
    static ConstTensor fold(TfjsNode n, List<Value> inputs) {
        if (!OPS.contains(n.op()) || inputs.isEmpty() || !inputs.stream().allMatch(Value::isConstant)) {
            return null;
        }
        List<ConstTensor> c = inputs.stream().map(Value::constant).toList();
        return switch (n.op()) {
            case "Identity", "Snapshot", "StopGradient" -> c.get(0);
            case "Cast" -> n.type("DstT", "DT_FLOAT").equals("DT_FLOAT")
                    ? ConstTensor.ofFloats(c.get(0).asFloats(), c.get(0).shape())
                    : ConstTensor.ofLongs(c.get(0).asLongs(), c.get(0).shape());
            case "SparseToDense" -> sparseToDense(n, c);
            case "Reshape" -> c.get(0).reshaped(resolve(n, c.get(0).size(), c.get(1).asLongs()));
            case "ConcatV2" -> concat(c.subList(0, c.size() - 1), (int) c.get(c.size() - 1).asLongs()[0]);
            case "Pack" -> concat(c.stream().map(t -> t.reshaped(insert(t.shape(), 0))).toList(), 0);
            case "ExpandDims" -> {
                long[] s = c.get(0).shape();
                int axis = (int) c.get(1).asLongs()[0];
                yield c.get(0).reshaped(insert(s, axis < 0 ? axis + s.length + 1 : axis));
            }
            case "Squeeze" -> c.get(0).reshaped(ArrayOps.squeezed(n, c.get(0).shape()));
            default -> binary(n, c.get(0), c.get(1));
        };
    }

    /** A Reshape target with its one -1 worked out. */
    static long[] resolve(TfjsNode n, long size, long[] target) {
        long[] out = target.clone();
        long known = 1;
        int free = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                free = i;
            } else {
                known *= out[i];
            }
        }
        if (free >= 0 && known > 0) {
            out[free] = size / known;
        }
        if (ConstTensor.size(out) != size) {
            throw new UnsupportedOpException(n, "cannot reshape " + size + " values to " + Arrays.toString(target));
        }
        return out;
    }

    private static long[] insert(long[] shape, int at) {
        long[] out = new long[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == at ? 1 : shape[j++];
        }
        return out;
    }

    private static ConstTensor sparseToDense(TfjsNode n, List<ConstTensor> c) {
        long[] shape = c.get(1).asLongs();
        ConstTensor indices = c.get(0);
        ConstTensor values = c.get(2);
        boolean isFloat = values.isFloat();
        int size = Math.toIntExact(ConstTensor.size(shape));
        double[] out = new double[size];
        Arrays.fill(out, c.get(3).get(0));
        int rows = indices.shape().length == 0 ? 1 : (int) indices.shape()[0];
        int cols = indices.shape().length < 2 ? 1 : (int) indices.shape()[1];
        for (int r = 0; r < rows; r++) {
            long flat = 0;
            for (int k = 0; k < cols; k++) {
                flat = flat * shape[k] + (long) indices.get(r * cols + k);
            }
            out[(int) flat] = values.get(values.size() == 1 ? 0 : r);
        }
        return build(isFloat, out, shape);
    }

    private static ConstTensor concat(List<ConstTensor> parts, int axis) {
        long[] shape = parts.get(0).shape().clone();
        int ax = axis < 0 ? axis + shape.length : axis;
        boolean isFloat = parts.stream().anyMatch(ConstTensor::isFloat);
        shape[ax] = parts.stream().mapToLong(p -> p.shape()[ax]).sum();
        long outer = 1;
        for (int i = 0; i < ax; i++) {
            outer *= shape[i];
        }
        double[] out = new double[Math.toIntExact(ConstTensor.size(shape))];
        int o = 0;
        for (long b = 0; b < outer; b++) {
            for (ConstTensor p : parts) {
                int block = (int) (p.size() / outer);
                for (int i = 0; i < block; i++) {
                    out[o++] = p.get((int) b * block + i);
                }
            }
        }
        return build(isFloat, out, shape);
    }

    private static ConstTensor binary(TfjsNode n, ConstTensor a, ConstTensor b) {
        int rank = Math.max(a.shape().length, b.shape().length);
        long[] shape = new long[rank];
        long[] sa = pad(a.shape(), rank);
        long[] sb = pad(b.shape(), rank);
        for (int i = 0; i < rank; i++) {
            if (sa[i] != sb[i] && sa[i] != 1 && sb[i] != 1) {
                throw new UnsupportedOpException(n, "cannot broadcast " + a + " with " + b);
            }
            shape[i] = Math.max(sa[i], sb[i]);
        }
        boolean isFloat = a.isFloat() || b.isFloat();
        double[] out = new double[Math.toIntExact(ConstTensor.size(shape))];
        long[] idx = new long[rank];
        for (int k = 0; k < out.length; k++) {
            double x = a.get(offset(idx, sa));
            double y = b.get(offset(idx, sb));
            out[k] = switch (n.op()) {
                case "Sub" -> x - y;
                case "Mul" -> x * y;
                case "RealDiv" -> isFloat ? x / y : (long) (x / y);
                case "FloorDiv" -> Math.floor(x / y);
                case "Maximum" -> Math.max(x, y);
                case "Minimum" -> Math.min(x, y);
                default -> x + y;
            };
            for (int d = rank - 1; d >= 0 && ++idx[d] == shape[d]; d--) {
                idx[d] = 0;
            }
        }
        return build(isFloat, out, shape);
    }

    private static long[] pad(long[] shape, int rank) {
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    private static int offset(long[] idx, long[] shape) {
        long off = 0;
        for (int d = 0; d < shape.length; d++) {
            off = off * shape[d] + (shape[d] == 1 ? 0 : idx[d]);
        }
        return (int) off;
    }

    private static ConstTensor build(boolean isFloat, double[] values, long[] shape) {
        if (isFloat) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return ConstTensor.ofFloats(f, shape);
        }
        return ConstTensor.ofLongs(Arrays.stream(values).mapToLong(v -> (long) v).toArray(), shape);
    }
}
