package io.crossview.embedder.runtime;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * How a BGR crop becomes a model input: resized to height x width, channel order, pixels
 * divided by 255, then (v - mean) / std per channel, laid out channel-first.
 */
public record Preprocessing(int height, int width, boolean rgb, float[] mean, float[] std) {
    public static final String KEY_NAME = "crossview.name";
    public static final String KEY_HEIGHT = "crossview.input_height";
    public static final String KEY_WIDTH = "crossview.input_width";
    public static final String KEY_MEAN = "crossview.mean";
    public static final String KEY_STD = "crossview.std";
    public static final String KEY_CHANNEL_ORDER = "crossview.channel_order";
    public static final String KEY_PARTS = "crossview.parts";

    /** What torchreid and fast-reid exports expect: RGB, ImageNet statistics, 256 x 128. */
    public static final Preprocessing TORCHREID = new Preprocessing(256, 128, true,
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    public Preprocessing {
        if (height < 1 || width < 1 || height > 4096 || width > 4096) {
            throw new IllegalArgumentException("input size must be 1..4096, got " + height + "x" + width);
        }
        mean = threeValues("mean", mean);
        std = threeValues("std", std);
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
        }
    }

    /**
     * The preprocessing of a model: metadata props override the torchreid defaults, and a
     * static input shape fixes the size (metadata that contradicts it is an error).
     */
    public static Preprocessing resolve(Map<String, String> metadata, long[] inputShape) {
        if (inputShape.length != 4 || (inputShape[1] > 0 && inputShape[1] != 3)) {
            throw new IllegalArgumentException("re-ID input must be [N,3,H,W], the model declares "
                    + Arrays.toString(inputShape));
        }
        int height = size(metadata, KEY_HEIGHT, inputShape[2], TORCHREID.height);
        int width = size(metadata, KEY_WIDTH, inputShape[3], TORCHREID.width);
        String order = metadata.getOrDefault(KEY_CHANNEL_ORDER, "RGB").trim().toUpperCase(Locale.ROOT);
        if (!order.equals("RGB") && !order.equals("BGR")) {
            throw new IllegalArgumentException(KEY_CHANNEL_ORDER + " must be RGB or BGR, got " + order);
        }
        float[] mean = metadata.containsKey(KEY_MEAN) ? parse(KEY_MEAN, metadata.get(KEY_MEAN)) : TORCHREID.mean;
        float[] std = metadata.containsKey(KEY_STD) ? parse(KEY_STD, metadata.get(KEY_STD)) : TORCHREID.std;
        return new Preprocessing(height, width, order.equals("RGB"), mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** Floats in one crop's slot of an NCHW batch. */
    public int floatsPerCrop() {
        return 3 * height * width;
    }

    /** Writes one BGR 8-bit crop, channel-first, into {@code dst} from {@code offset}. */
    public void fill(Mat bgr, float[] dst, int offset) {
        if (bgr == null || bgr.empty() || bgr.type() != CV_8UC3) {
            throw new IllegalArgumentException("a crop must be a non-empty 8-bit BGR picture, got "
                    + (bgr == null || bgr.empty() ? "none" : "OpenCV type " + bgr.type()));
        }
        int plane = height * width;
        byte[] pixels = new byte[plane * 3];
        // INTER_AREA averages when shrinking (no aliasing), as PIL does for torchreid.
        int interpolation = bgr.cols() >= width && bgr.rows() >= height ? INTER_AREA : INTER_LINEAR;
        try (Mat resized = new Mat(); Size size = new Size(width, height)) {
            resize(bgr, resized, size, 0, 0, interpolation);
            resized.data().get(pixels);
        }
        for (int c = 0; c < 3; c++) {
            int source = rgb ? 2 - c : c;
            float scale = 1f / (255f * std[c]);
            float shift = mean[c] / std[c];
            int base = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                dst[base + i] = (pixels[i * 3 + source] & 0xFF) * scale - shift;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.height == height && p.width == width && p.rgb == rgb
                && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * height + width) + Boolean.hashCode(rgb)) + 7 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return height + "x" + width + " " + (rgb ? "RGB" : "BGR") + " mean " + Arrays.toString(mean)
                + " std " + Arrays.toString(std);
    }

    private static int size(Map<String, String> metadata, String key, long declared, int fallback) {
        Integer fromMetadata = null;
        if (metadata.containsKey(key)) {
            try {
                fromMetadata = Integer.valueOf(metadata.get(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, got '" + metadata.get(key) + "'");
            }
        }
        if (declared > 0) {
            if (fromMetadata != null && fromMetadata != declared) {
                throw new IllegalArgumentException(key + " says " + fromMetadata + " but the model input is fixed at "
                        + declared);
            }
            return (int) declared;
        }
        return fromMetadata != null ? fromMetadata : fallback;
    }

    private static float[] parse(String key, String value) {
        String[] items = value.split(",");
        float[] out = new float[items.length];
        try {
            for (int i = 0; i < items.length; i++) {
                out[i] = Float.parseFloat(items[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be 1 or 3 comma-separated numbers, got '" + value + "'");
        }
        return out;
    }

    /** One value stands for all three channels. */
    private static float[] threeValues(String what, float[] values) {
        if (values == null || (values.length != 1 && values.length != 3)) {
            throw new IllegalArgumentException(what + " needs 1 or 3 values, got "
                    + (values == null ? "none" : Arrays.toString(values)));
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be finite, got " + Arrays.toString(values));
            }
        }
        return values.length == 3 ? values.clone() : new float[] {values[0], values[0], values[0]};
    }
}
