package io.crossview.detector.yolo;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run a YOLO-family ONNX person detector.
 *
 * @param model          the .onnx file; null: the built-in NanoDet, obtained and converted on first use
 *                       (see {@code DetectorStage.openDetector})
 * @param layout         output layout, or AUTO to tell it from the output shape
 * @param fit            how a picture is scaled into the input: kept aspect with a border, stretched,
 *                       or AUTO, the family's measured best (see {@link Fit})
 * @param inputWidth     model input width in px; 0 takes the model's static size (640 when it has none)
 * @param inputHeight    model input height in px; 0 as for the width
 * @param scoreThreshold boxes scoring below this (objectness x class score) are dropped
 * @param trackScore     boxes from this score up to {@code scoreThreshold} are kept too, as weak boxes:
 *                       the stage sends them without a crop, so they cost no JPEG and no embedding,
 *                       and the tracker uses them only to continue its tracks, by overlap (ByteTrack);
 *                       equal to {@code scoreThreshold} (the detector's own default): none
 * @param nmsIou         boxes of a class overlapping a better one by more than this IoU are dropped
 * @param classes        class ids kept (COCO: 0 = person); each box takes its best kept class
 * @param minBoxSize     boxes narrower or lower than this many picture px (after clipping) are dropped
 * @param batchSize      pictures run together when the model has a free batch dimension; 0 chooses:
 *                       8 on CUDA, 1 on CPU (where batches were measured slower, see the README)
 * @param batchWaitMs    how long the stage waits for more frames to fill a batch
 * @param intraOpThreads ONNX Runtime threads inside one operator
 * @param cuda           try the CUDA execution provider first (CPU when it is not there)
 */
public record YoloSettings(Path model, YoloLayout layout, Fit fit, int inputWidth, int inputHeight,
                           double scoreThreshold, double nmsIou, List<Integer> classes, int minBoxSize, int batchSize,
                           long batchWaitMs, int intraOpThreads, boolean cuda, double trackScore) {
    public static final int DEFAULT_INPUT = 640;
    /** The built-in NanoDet's input side; its converted graph takes any multiple of 32. */
    public static final int NANODET_INPUT = 320;

    /** How a picture goes into the model's input. */
    public enum Fit {
        /** YOLO families letterbox as their tools do; NanoDet stretches (it found more people so on vtest.avi). */
        AUTO,
        LETTERBOX,
        STRETCH;

        public static Fit parse(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
            return switch (n) {
                case "auto" -> AUTO;
                case "letterbox" -> LETTERBOX;
                case "stretch" -> STRETCH;
                default -> throw new IllegalArgumentException("unknown detector fit '" + name
                        + "' (expected auto, letterbox or stretch)");
            };
        }

        /** The fit for a resolved layout. */
        public Fit resolve(YoloLayout layout) {
            return this != AUTO ? this : layout == YoloLayout.NANODET ? STRETCH : LETTERBOX;
        }
    }

    public YoloSettings {
        require(layout != null, "detector layout is missing (auto, yolox, yolov5, yolov8 or nanodet)");
        require(fit != null, "detector fit is missing (auto, letterbox or stretch)");
        require(inputWidth >= 0 && inputHeight >= 0 && inputWidth <= 8192 && inputHeight <= 8192,
                "detector input size must be 0 (from the model) or 1..8192 px, got " + inputWidth + "x" + inputHeight);
        require((inputWidth == 0) == (inputHeight == 0),
                "detector input size needs both width and height, got " + inputWidth + "x" + inputHeight);
        require(scoreThreshold >= 0 && scoreThreshold <= 1, "detector score threshold must be in [0, 1], got "
                + scoreThreshold);
        require(trackScore >= 0 && trackScore <= 1, "detector track score must be in [0, 1], got " + trackScore);
        require(nmsIou >= 0 && nmsIou <= 1, "detector nmsIou must be in [0, 1], got " + nmsIou);
        require(classes != null && !classes.isEmpty(), "detector classes must list at least one class id");
        classes = List.copyOf(classes);
        require(classes.stream().allMatch(c -> c >= 0), "detector class ids must not be negative, got " + classes);
        require(minBoxSize >= 1, "detector minBoxSize must be at least 1 px, got " + minBoxSize);
        require(batchSize >= 0 && batchSize <= 256, "detector batch size must be 0 (auto) or 1..256, got " + batchSize);
        require(batchWaitMs >= 0, "detector batch wait must be >= 0 ms, got " + batchWaitMs);
        require(intraOpThreads >= 1, "detector intra-op threads must be at least 1, got " + intraOpThreads);
    }

    /** Person only, score 0.3, NMS IoU 0.45, boxes of 8 px and more, batch size auto waiting 5 ms, one thread. */
    public static YoloSettings defaults(Path model) {
        return new YoloSettings(model, YoloLayout.AUTO, Fit.AUTO, 0, 0, 0.3, 0.45, List.of(0), 8, 0, 5, 1, true, 0.3);
    }

    /**
     * The built-in NanoDet as measured best on the hand-labelled people of vtest.avi (see the
     * detector docs): pictures stretched to 320x320 (as many people found as at 416, no false
     * box, 0.6x the work), score 0.4 (traffic cones scored 0.36-0.39, people 0.6-0.85).
     */
    public static YoloSettings nanodet() {
        return new YoloSettings(null, YoloLayout.NANODET, Fit.AUTO, NANODET_INPUT, NANODET_INPUT, 0.4, 0.45,
                List.of(0), 8, 0, 5, 1, true, 0.4);
    }

    /** True for the built-in NanoDet, which has no file until it is obtained. */
    public boolean builtin() {
        return model == null;
    }

    public YoloSettings withLayout(YoloLayout value) {
        return new YoloSettings(model, value, fit, inputWidth, inputHeight, scoreThreshold, nmsIou, classes, minBoxSize,
                batchSize, batchWaitMs, intraOpThreads, cuda, trackScore);
    }

    public YoloSettings withFit(Fit value) {
        return new YoloSettings(model, layout, value, inputWidth, inputHeight, scoreThreshold, nmsIou, classes,
                minBoxSize, batchSize, batchWaitMs, intraOpThreads, cuda, trackScore);
    }

    public YoloSettings withModel(Path value) {
        return new YoloSettings(value, layout, fit, inputWidth, inputHeight, scoreThreshold, nmsIou, classes,
                minBoxSize, batchSize, batchWaitMs, intraOpThreads, cuda, trackScore);
    }

    public YoloSettings withInputSize(int width, int height) {
        return new YoloSettings(model, layout, fit, width, height, scoreThreshold, nmsIou, classes, minBoxSize,
                batchSize, batchWaitMs, intraOpThreads, cuda, trackScore);
    }

    /** A new person score; weak boxes keep their floor, or stay off when they were. */
    public YoloSettings withThresholds(double score, double iou) {
        return new YoloSettings(model, layout, fit, inputWidth, inputHeight, score, iou, classes, minBoxSize,
                batchSize, batchWaitMs, intraOpThreads, cuda, trackScore >= scoreThreshold ? score : trackScore);
    }

    /** Keeping weak boxes down to {@code score} for the tracker (at or above the person score: none). */
    public YoloSettings withTrackScore(double score) {
        return new YoloSettings(model, layout, fit, inputWidth, inputHeight, scoreThreshold, nmsIou, classes,
                minBoxSize, batchSize, batchWaitMs, intraOpThreads, cuda, score);
    }

    /** The lowest score a decoder keeps: the weak boxes' floor, or the person score. */
    public double lowestScore() {
        return Math.min(trackScore, scoreThreshold);
    }

    public YoloSettings withClasses(List<Integer> value, int minBox) {
        return new YoloSettings(model, layout, fit, inputWidth, inputHeight, scoreThreshold, nmsIou, value, minBox,
                batchSize, batchWaitMs, intraOpThreads, cuda, trackScore);
    }

    public YoloSettings withBatching(int size, long waitMs) {
        return new YoloSettings(model, layout, fit, inputWidth, inputHeight, scoreThreshold, nmsIou, classes, minBoxSize,
                size, waitMs, intraOpThreads, cuda, trackScore);
    }

    public YoloSettings withRuntime(int threads, boolean tryCuda) {
        return new YoloSettings(model, layout, fit, inputWidth, inputHeight, scoreThreshold, nmsIou, classes, minBoxSize,
                batchSize, batchWaitMs, threads, tryCuda, trackScore);
    }

    /** Every kept class must be one of a model's {@code classCount} classes. */
    void requireClassesAmong(int classCount) {
        for (int c : classes) {
            require(c < classCount, "class " + c + " is not among the model's " + classCount + " classes (0.."
                    + (classCount - 1) + ")");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
