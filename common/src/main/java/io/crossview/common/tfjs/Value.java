package io.crossview.common.tfjs;

import java.util.Arrays;

/**
 * What a TF output is during conversion: a constant known now, or an ONNX tensor with its static
 * shape at the declared input size. {@code sym} marks per dim whether it follows the free input
 * size: {@link #FIXED}, {@link #BATCH} (exactly the input's batch) or {@link #FREE} (some function of
 * batch or spatial size). Shape-dependent rewrites (Reshape targets, Resize scales) read it.
 */
record Value(String onnx, long[] shape, byte[] sym, ConstTensor constant) {
    static final byte FIXED = 0;
    static final byte BATCH = 1;
    static final byte FREE = 2;

    static Value dynamic(String onnx, long[] shape, byte[] sym) {
        if (shape.length != sym.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and sym of rank " + sym.length);
        }
        return new Value(onnx, shape, sym, null);
    }

    static Value of(ConstTensor constant) {
        return new Value(null, constant.shape(), new byte[constant.shape().length], constant);
    }

    boolean isConstant() {
        return constant != null;
    }

    int rank() {
        return shape.length;
    }

    /** Sym of a dim computed from several dims: fixed only if all are fixed, batch only if all are batch or fixed. */
    static byte merge(byte a, byte b) {
        return (byte) Math.max(a, b);
    }

    /** The same value under a new ONNX name (the output of an op that keeps shape, such as a unary op). */
    Value renamed(String name) {
        return new Value(name, shape, sym, null);
    }

    /** Dims permuted as ONNX Transpose would: out[i] = in[perm[i]]. */
    Value permuted(String name, long[] perm) {
        long[] s = new long[perm.length];
        byte[] y = new byte[perm.length];
        for (int i = 0; i < perm.length; i++) {
            s[i] = shape[(int) perm[i]];
            y[i] = sym[(int) perm[i]];
        }
        return dynamic(name, s, y);
    }
}
