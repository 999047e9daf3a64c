package io.crossview.common.tfjs;

/**
 * The data_format of a TF conv or pool (NHWC unless the node says NCHW): how its attribute lists
 * map to ONNX's spatial lists, and the transposes into and out of ONNX's NCHW.
 */
record Layout(boolean nhwc, String padding) {
    static Layout of(TfjsNode n, Value x) {
        if (x.rank() != 4) {
            throw new UnsupportedOpException(n, "input must be 4-D, got rank " + x.rank());
        }
        String format = n.string("data_format", "NHWC");
        if (!format.equals("NHWC") && !format.equals("NCHW")) {
            throw new UnsupportedOpException(n, "data_format " + format + " is not supported");
        }
        return new Layout(format.equals("NHWC"), n.string("padding", "VALID"));
    }

    Value toNchw(Conversion c, Value x, String tensor) {
        if (!nhwc) {
            return Value.dynamic(tensor, x.shape(), x.sym());
        }
        return Value.dynamic(tensor, x.shape(), x.sym()).permuted(
                c.transpose(tensor, tensor + "/nchw", Conversion.NHWC_TO_NCHW), Conversion.NHWC_TO_NCHW);
    }

    Value back(Conversion c, Value y, String name) {
        return nhwc ? y.permuted(c.transpose(y.onnx(), name, Conversion.NCHW_TO_NHWC), Conversion.NCHW_TO_NHWC) : y;
    }

    /** The H and W entries of a 4-entry TF list (strides, ksize, dilations); [1, 1] if absent. */
    long[] spatial(long[] list) {
        if (list.length == 0) {
            return new long[] {1, 1};
        }
        return nhwc ? new long[] {list[1], list[2]} : new long[] {list[2], list[3]};
    }

    /** TF explicit_paddings (begin, end per dim) as ONNX pads (top, left, bottom, right). */
    long[] explicitPads(long[] p) {
        int h = nhwc ? 2 : 4;
        return new long[] {p[h], p[h + 2], p[h + 1], p[h + 3]};
    }

    /** N, C, H, W of the result at the static size, for kernel extents {@code kernel} (dilation included). */
    long[] outputShape(TfjsNode n, Value x, long channels, long[] kernel) {
        long[] s = spatial(n.ints("strides"));
        long[] pads = padding.equals("EXPLICIT") ? explicitPads(n.ints("explicit_paddings")) : new long[4];
        long[] out = {x.shape()[0], channels, 0, 0};
        for (int i = 0; i < 2; i++) {
            long in = x.shape()[2 + i];
            out[2 + i] = padding.equals("SAME") ? (in + s[i] - 1) / s[i]
                    : (in + pads[i] + pads[i + 2] - kernel[i]) / s[i] + 1;
        }
        return out;
    }

    byte[] outputSym(Value x) {
        return new byte[] {x.sym()[0], Value.FIXED, free(x.sym()[2]), free(x.sym()[3])};
    }

    private static byte free(byte sym) {
        return sym == Value.FIXED ? Value.FIXED : Value.FREE;
    }
}
