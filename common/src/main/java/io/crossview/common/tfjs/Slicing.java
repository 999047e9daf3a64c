package io.crossview.common.tfjs;

import java.util.ArrayList;
import java.util.List;

/** StridedSlice with constant begin/end/strides, and the Squeeze it needs for shrink_axis_mask. */
final class Slicing {
    private Slicing() {
    }

    static void stridedSlice(TfjsNode n, Conversion c) {
        Value x = c.in(n, 0);
        long[] begin = c.constant(n, 1, "begin").asLongs();
        long[] end = c.constant(n, 2, "end").asLongs();
        long[] strides = c.constant(n, 3, "strides").asLongs();
        if (n.integer("ellipsis_mask", 0) != 0 || n.integer("new_axis_mask", 0) != 0) {
            throw new UnsupportedOpException(n, "ellipsis_mask and new_axis_mask are not supported");
        }
        long beginMask = n.integer("begin_mask", 0);
        long endMask = n.integer("end_mask", 0);
        long shrinkMask = n.integer("shrink_axis_mask", 0);
        int k = begin.length;
        long[] starts = new long[k];
        long[] ends = new long[k];
        long[] axes = new long[k];
        long[] steps = new long[k];
        long[] shape = x.shape().clone();
        byte[] sym = x.sym().clone();
        List<Integer> shrink = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long step = strides[i];
            long start = (beginMask >> i & 1) == 1 ? (step > 0 ? 0 : Long.MAX_VALUE) : begin[i];
            long stop = (endMask >> i & 1) == 1 ? (step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : end[i];
            if ((shrinkMask >> i & 1) == 1) {
                step = 1;
                stop = start == -1 ? Long.MAX_VALUE : start + 1;
                shrink.add(i);
            }
            starts[i] = start;
            ends[i] = stop;
            axes[i] = i;
            steps[i] = step;
            long dim = x.shape()[i];
            boolean whole = start == 0 && stop == Long.MAX_VALUE && step == 1;
            shape[i] = length(clamp(start, dim, step), clamp(stop, dim, step), step);
            sym[i] = whole ? x.sym()[i] : x.sym()[i] != Value.FIXED && (stop < 0 || stop == Long.MAX_VALUE)
                    ? Value.FREE : Value.FIXED;
        }
        List<String> inputs = List.of(c.tensor(n, 0), c.longs(n.name() + "/starts", starts, k),
                c.longs(n.name() + "/ends", ends, k), c.longs(n.name() + "/axes", axes, k),
                c.longs(n.name() + "/steps", steps, k));
        Value sliced = Value.dynamic(c.node("Slice", shrink.isEmpty() ? n.name() : n.name() + "/slice", inputs), shape, sym);
        c.put(n, shrink.isEmpty() ? sliced : squeeze(c, n.name(), sliced, shrink));
    }

    private static long clamp(long index, long dim, long step) {
        long i = index < 0 ? Math.max(index + dim, step > 0 ? 0 : -1) : index;
        return Math.min(i, step > 0 ? dim : dim - 1);
    }

    private static long length(long start, long stop, long step) {
        return step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
    }

    /** ONNX Squeeze of the given axes (never all size-1 dims: batch 1 must stay a dim). */
    static Value squeeze(Conversion c, String name, Value x, List<Integer> axes) {
        long[] shape = new long[x.rank() - axes.size()];
        byte[] sym = new byte[shape.length];
        for (int i = 0, j = 0; i < x.rank(); i++) {
            if (!axes.contains(i)) {
                shape[j] = x.shape()[i];
                sym[j++] = x.sym()[i];
            }
        }
        long[] a = axes.stream().mapToLong(Integer::longValue).toArray();
        String axesName = c.longs(name + "/axes", a, a.length);
        return Value.dynamic(c.node("Squeeze", name, List.of(x.onnx(), axesName)), shape, sym);
    }
}
