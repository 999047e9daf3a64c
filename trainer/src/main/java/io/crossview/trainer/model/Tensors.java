package io.crossview.trainer.model;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/** Copies between Java arrays and LibTorch tensors (always copies, so no tensor aliases Java memory). */
public final class Tensors {
    private Tensors() {
    }

    /**
     * A handle of our own on a tensor a module registered: register_* returns a reference into
     * the module's table, which moves when the table grows; this handle shares the tensor but
     * not that address, and outlives any PointerScope.
     */
    public static Tensor own(Tensor reference) {
        Tensor handle = new Tensor(reference);
        handle.retainReference();
        return handle;
    }

    public static Tensor floats(float[] values, long... shape) {
        try (FloatPointer p = new FloatPointer(values)) {
            return torch.from_blob(p, shape).clone();
        }
    }

    /** As {@link #floats(float[], long...)}, placed on {@code device}. */
    public static Tensor floats(float[] values, Device device, long... shape) {
        Tensor cpu = floats(values, shape);
        return device.is_cpu() ? cpu : cpu.to(device, torch.ScalarType.Float);
    }

    /** As {@link #longs(long[])}, placed on {@code device}. */
    public static Tensor longs(long[] values, Device device) {
        Tensor cpu = longs(values);
        return device.is_cpu() ? cpu : cpu.to(device, torch.ScalarType.Long);
    }

    public static Tensor longs(long[] values) {
        try (LongPointer p = new LongPointer(values)) {
            return torch.from_blob(p, new long[] {values.length}, new TensorOptions(torch.ScalarType.Long)).clone();
        }
    }

    /** The values of a float tensor in row-major order. */
    public static float[] values(Tensor t) {
        Tensor c = t.detach().cpu().contiguous();
        float[] out = new float[(int) c.numel()];
        c.data_ptr_float().get(out);
        return out;
    }

    /** The rows of a [N, D] float tensor. */
    public static float[][] rows(Tensor t) {
        int n = (int) t.size(0);
        float[] flat = values(t);
        int d = n == 0 ? 0 : flat.length / n;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    public static long[] shape(Tensor t) {
        long[] s = new long[(int) t.dim()];
        for (int i = 0; i < s.length; i++) {
            s[i] = t.size(i);
        }
        return s;
    }
}
