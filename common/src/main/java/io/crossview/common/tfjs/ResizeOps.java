package io.crossview.common.tfjs;

import java.util.List;
import java.util.Map;

/**
 * ResizeBilinear and ResizeNearestNeighbor (NHWC, constant size). With a free input size the ONNX
 * Resize gets scales (out / in at the declared size, 2.0 for a 2x upsample) rather than sizes, so it
 * follows the picture. TF half_pixel_centers is ONNX half_pixel for linear (not pytorch_half_pixel)
 * and tf_half_pixel_for_nn with floor for nearest.
 */
final class ResizeOps {
    private ResizeOps() {
    }

    static void register(Map<String, Op> ops) {
        ops.put("ResizeBilinear", (n, c) -> resize(n, c, true));
        ops.put("ResizeNearestNeighbor", (n, c) -> resize(n, c, false));
    }

    private static void resize(TfjsNode n, Conversion c, boolean linear) {
        Value in = c.in(n, 0);
        if (in.rank() != 4) {
            throw new UnsupportedOpException(n, "input must be 4-D NHWC, got rank " + in.rank());
        }
        long[] size = c.constant(n, 1, "the size").asLongs();
        Value x = new Layout(true, "VALID").toNchw(c, in, c.tensor(n, 0));
        boolean alignCorners = n.bool("align_corners", false);
        boolean halfPixel = n.bool("half_pixel_centers", false);
        String mode = alignCorners ? "align_corners" : !halfPixel ? "asymmetric" : linear ? "half_pixel"
                : "tf_half_pixel_for_nn";
        String nearest = alignCorners ? "round_prefer_ceil" : "floor";
        String data = x.onnx();
        List<String> inputs;
        if (c.freeSize) {
            float[] scales = {1, 1, (float) size[0] / x.shape()[2], (float) size[1] / x.shape()[3]};
            inputs = List.of(data, "", c.floats(n.name() + "/scales", scales, 4));
        } else {
            inputs = List.of(data, "", "", c.longs(n.name() + "/sizes", new long[] {x.shape()[0], x.shape()[1],
                size[0], size[1]}, 4));
        }
        String out = c.node("Resize", n.name() + "/resize", inputs, OnnxAttrs.string("mode", linear ? "linear" : "nearest"),
                OnnxAttrs.string("coordinate_transformation_mode", mode), OnnxAttrs.string("nearest_mode", nearest));
        byte[] sym = {x.sym()[0], x.sym()[1], x.sym()[2] == Value.FIXED ? Value.FIXED : Value.FREE,
            x.sym()[3] == Value.FIXED ? Value.FIXED : Value.FREE};
        Value y = Value.dynamic(out, new long[] {x.shape()[0], x.shape()[1], size[0], size[1]}, sym);
        c.put(n, new Layout(true, "VALID").back(c, y, n.name()));
    }
}
