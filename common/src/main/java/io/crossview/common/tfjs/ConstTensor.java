package io.crossview.common.tfjs;

import java.util.Arrays;

/**
 * A constant known at conversion time: a weight, or the folded result of shape arithmetic.
 * Floats stay floats; every integer type (TF.js stores int64 as int32) and bool become longs,
 * so folding never has to care which integer width the graph claimed.
 */
public record ConstTensor(boolean isFloat, long[] shape, float[] floats, long[] longs) {
    public ConstTensor {
        long n = size(shape);
        if (isFloat ? floats == null || floats.length != n : longs == null || longs.length != n) {
            throw new IllegalArgumentException("constant of shape " + Arrays.toString(shape) + " has "
                    + (isFloat ? floats == null ? 0 : floats.length : longs == null ? 0 : longs.length) + " values");
        }
    }

    public static ConstTensor ofFloats(float[] values, long... shape) {
        return new ConstTensor(true, shape, values, null);
    }

    public static ConstTensor ofLongs(long[] values, long... shape) {
        return new ConstTensor(false, shape, null, values);
    }

    public int size() {
        return isFloat ? floats.length : longs.length;
    }

    public double get(int i) {
        return isFloat ? floats[i] : longs[i];
    }

    /** The values as longs (floats truncated), for shapes, axes and paddings. */
    public long[] asLongs() {
        if (!isFloat) {
            return longs.clone();
        }
        long[] out = new long[floats.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) floats[i];
        }
        return out;
    }

    public float[] asFloats() {
        if (isFloat) {
            return floats.clone();
        }
        float[] out = new float[longs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = longs[i];
        }
        return out;
    }

    /** The same values seen with another shape of the same size. */
    public ConstTensor reshaped(long... newShape) {
        return new ConstTensor(isFloat, newShape, floats, longs);
    }

    public static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return (isFloat ? "float" : "int") + Arrays.toString(shape);
    }
}
