package io.crossview.detector.yolo;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a YOLO-family model lays out its output, and the picture convention it was trained with.
 * Recognised from the output shape and the input size, or declared in config.
 */
public enum YoloLayout {
    /** Tell the layout from the output shape (see {@link #resolve}). */
    AUTO(null),
    /** Megvii YOLOX, raw grid output {@code [N, A, 5+C]}: offsets and log sizes per grid cell. */
    YOLOX(Letterbox.Convention.YOLOX),
    /** Ultralytics YOLOv5, decoded {@code [N, A, 5+C]}: cx, cy, w, h, objectness, class scores. */
    YOLOV5(Letterbox.Convention.ULTRALYTICS),
    /** Ultralytics YOLOv8 / YOLO11, decoded and transposed {@code [N, 4+C, A]}, no objectness. */
    YOLOV8(Letterbox.Convention.ULTRALYTICS),
    /**
     * NanoDet (GFL head): six outputs, class scores {@code [N, cells, C]} and box distributions
     * {@code [N, cells, 4 x bins]} for strides 8, 16 and 32; see {@link GflDecoder}.
     */
    NANODET(Letterbox.Convention.NANODET);

    private static final int[] P5_STRIDES = {8, 16, 32};
    private static final int[] P6_STRIDES = {8, 16, 32, 64};

    private final Letterbox.Convention convention;

    YoloLayout(Letterbox.Convention convention) {
        this.convention = convention;
    }

    /** Channel order, scale and placement of the letterboxed input; AUTO has none. */
    public Letterbox.Convention convention() {
        if (this == AUTO) {
            throw new IllegalStateException("resolve the AUTO layout first");
        }
        return convention;
    }

    /** {@code yolox}, {@code yolov5}, {@code yolov8} (also {@code yolo11}), {@code nanodet} or {@code auto}, any case. */
    public static YoloLayout parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "auto" -> AUTO;
            case "yolox" -> YOLOX;
            case "yolov5", "v5" -> YOLOV5;
            case "yolov8", "v8", "yolo11", "yolov11" -> YOLOV8;
            case "nanodet" -> NANODET;
            default -> throw new IllegalArgumentException("unknown detector layout '" + name
                    + "' (expected auto, yolox, yolov5, yolov8 or nanodet)");
        };
    }

    /** Grid cells of a {@code width x height} input over the given strides. */
    static int gridCells(int width, int height, int... strides) {
        int cells = 0;
        for (int s : strides) {
            cells += ceilDiv(height, s) * ceilDiv(width, s);
        }
        return cells;
    }

    static int[] yoloxStrides() {
        return P5_STRIDES.clone();
    }

    /**
     * The layout of an output of shape {@code shape} (batch first) for a {@code width x height}
     * input. A declared layout is checked against the shape; AUTO decides by the anchor count A:
     * {@code [N, 4+C, A]} with A one cell per grid cell over strides 8/16/32 (or 8..64) is YOLOv8;
     * {@code [N, A, 5+C]} with A the grid cells over strides 8/16/32 is YOLOX (anchor-free, one
     * prediction per cell); {@code [N, A, 5+C]} with A three per grid cell is YOLOv5 (three anchors
     * per cell). Anything else, or a shape two rules fit, must be declared.
     */
    public YoloLayout resolve(long[] shape, int width, int height) {
        if (shape.length != 3 || shape[1] < 1 || shape[2] < 1) {
            throw new IllegalArgumentException("output shape " + Arrays.toString(shape) + " is not a YOLO output "
                    + "([N, A, 5+C] for YOLOX/YOLOv5, [N, 4+C, A] for YOLOv8)");
        }
        long rows = shape[1];
        long cols = shape[2];
        int cells = gridCells(width, height, P5_STRIDES);
        int cellsP6 = gridCells(width, height, P6_STRIDES);
        String expected = "for a " + width + "x" + height + " input: YOLOX [N, " + cells + ", 5+C], YOLOv5 [N, "
                + 3 * cells + ", 5+C], YOLOv8 [N, 4+C, " + cells + "]";
        return switch (this) {
            case NANODET -> throw new IllegalArgumentException("output " + Arrays.toString(shape)
                    + " is not a NanoDet head, which has " + GflDecoder.expected(width, height));
            case YOLOX -> {
                require(rows == cells && cols >= 6, "YOLOX output " + Arrays.toString(shape) + " does not fit "
                        + expected);
                yield YOLOX;
            }
            case YOLOV5 -> {
                require(cols >= 6, "YOLOv5 output " + Arrays.toString(shape) + " has no room for 5+C values per box");
                yield YOLOV5;
            }
            case YOLOV8 -> {
                require(rows >= 5, "YOLOv8 output " + Arrays.toString(shape) + " has no room for 4+C values per box");
                yield YOLOV8;
            }
            case AUTO -> {
                boolean v8 = (cols == cells || cols == cellsP6) && rows >= 5;
                boolean yolox = rows == cells && cols >= 6;
                boolean v5 = (rows == 3L * cells || rows == 3L * cellsP6) && cols >= 6;
                int fits = (v8 ? 1 : 0) + (yolox ? 1 : 0) + (v5 ? 1 : 0);
                require(fits == 1, "cannot tell the layout of output " + Arrays.toString(shape) + " (expected "
                        + expected + "); " + (fits == 0 ? "is the input size right? " : "")
                        + "declare it with layout: yolox|yolov5|yolov8");
                yield v8 ? YOLOV8 : yolox ? YOLOX : YOLOV5;
            }
        };
    }

    /** Anchors (boxes) per picture of an output of this resolved layout. */
    int anchors(long[] shape) {
        return (int) (this == YOLOV8 ? shape[2] : shape[1]);
    }

    /** Classes of an output of this resolved layout. */
    int classes(long[] shape) {
        return (int) (this == YOLOV8 ? shape[1] - 4 : shape[2] - 5);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
