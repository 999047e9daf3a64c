package io.crossview.detector.yolo;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a detector session declares: its picture input {@code [N, 3, H, W]} (float), its float
 * outputs of rank 3 in the session's order (a YOLO model decodes the first, a NanoDet head all
 * six), the batch and input size, and the class names ultralytics exports carry in their metadata.
 *
 * @param fixedBatch N when the model fixes it, 0 when any batch size goes
 */
record YoloModel(String input, List<String> outputs, int fixedBatch, int inputWidth, int inputHeight,
                 Map<Integer, String> classNames) {
    /**
     * Metadata of a model with a free input size: the {@code [height, width]} it was made for,
     * as ultralytics' {@code imgsz} says it (the NanoDet import writes it).
     */
    public static final String INPUT_SIZE_KEY = "crossview.imgsz";
    private static final Pattern IMGSZ = Pattern.compile("\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");
    private static final Pattern NAME = Pattern.compile("(\\d+)\\s*:\\s*['\"]([^'\"]*)['\"]");

    YoloModel {
        outputs = List.copyOf(outputs);
        classNames = Map.copyOf(classNames);
    }

    /** Values of one picture in the input tensor. */
    int inputValues() {
        return 3 * inputWidth * inputHeight;
    }

    static YoloModel inspect(OrtSession session, YoloSettings settings) throws OrtException {
        if (session.getNumInputs() != 1) {
            throw new IllegalArgumentException("a detector takes one input (the pictures), this one takes "
                    + session.getInputNames());
        }
        Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
        long[] dims = floatShape(in.getValue(), "input");
        if (dims.length != 4 || (dims[1] != 3 && dims[1] > 0)) {
            throw new IllegalArgumentException("input '" + in.getKey() + "' has shape " + Arrays.toString(dims)
                    + "; a detector takes [N, 3, H, W] pictures");
        }
        List<String> outputs = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (Map.Entry<String, NodeInfo> out : session.getOutputInfo().entrySet()) {
            seen.append(seen.length() == 0 ? "" : ", ").append(out.getKey()).append(' ').append(describe(out.getValue()));
            if (out.getValue().getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
                    && t.getShape().length == 3) {
                outputs.add(out.getKey());
            }
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no float output of rank 3 ([N, A, 5+C] or [N, 4+C, A], or NanoDet's [N, cells, C]) among " + seen);
        }
        Map<String, String> metadata = session.getMetadata().getCustomMetadata();
        int[] size = inputSize(dims, metadata.getOrDefault("imgsz", metadata.get(INPUT_SIZE_KEY)), settings);
        return new YoloModel(in.getKey(), outputs, (int) Math.max(0, dims[0]), size[0], size[1],
                classNames(metadata.get("names")));
    }

    /**
     * Width and height: the model's static size; the configured one when the model has none
     * (and it must agree when both are given); else ultralytics' {@code imgsz} metadata (or ours,
     * {@link #INPUT_SIZE_KEY}); else 640.
     */
    private static int[] inputSize(long[] dims, String imgsz, YoloSettings settings) {
        boolean fixed = dims[2] > 0 && dims[3] > 0;
        boolean configured = settings.inputWidth() > 0;
        if (fixed && configured && (dims[3] != settings.inputWidth() || dims[2] != settings.inputHeight())) {
            throw new IllegalArgumentException("the model's input is " + dims[3] + "x" + dims[2]
                    + " but the config asks for " + settings.inputWidth() + "x" + settings.inputHeight());
        }
        if (fixed) {
            return new int[] {(int) dims[3], (int) dims[2]};
        }
        if (configured) {
            return new int[] {settings.inputWidth(), settings.inputHeight()};
        }
        Matcher m = imgsz == null ? null : IMGSZ.matcher(imgsz);
        if (m != null && m.find()) {
            // ultralytics writes [height, width]
            return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))};
        }
        return new int[] {YoloSettings.DEFAULT_INPUT, YoloSettings.DEFAULT_INPUT};
    }

    /** Ultralytics writes a Python dict: {@code {0: 'person', 1: 'bicycle', ...}}. */
    static Map<Integer, String> classNames(String names) {
        Map<Integer, String> out = new TreeMap<>();
        if (names != null) {
            Matcher m = NAME.matcher(names);
            while (m.find()) {
                out.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        return out;
    }

    private static long[] floatShape(NodeInfo node, String what) {
        if (!(node.getInfo() instanceof TensorInfo t)) {
            throw new IllegalArgumentException(what + " '" + node.getName() + "' is not a tensor");
        }
        if (t.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(what + " '" + node.getName() + "' is " + t.type
                    + "; the detector feeds float32 pictures (export without --half, or with a float input)");
        }
        return t.getShape();
    }

    private static String describe(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t ? t.type + Arrays.toString(t.getShape())
                : node.getInfo().toString();
    }
}
