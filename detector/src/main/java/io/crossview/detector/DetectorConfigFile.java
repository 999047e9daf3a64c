package io.crossview.detector;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.common.config.YamlFile;
import io.crossview.detector.yolo.YoloLayout;
import io.crossview.detector.yolo.YoloSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The detector stage's YAML file: flat keys, every one optional (defaults as in
 * {@link DetectorConfig#defaults()} and {@link YoloSettings#defaults}); no {@code model} means HOG.
 * A relative model path is taken from the file's folder.
 */
public final class DetectorConfigFile {
    private record Document(@JsonProperty("model") String model,
                            @JsonProperty("layout") String layout,
                            @JsonProperty("fit") String fit,
                            @JsonProperty("input_size") String inputSize,
                            @JsonProperty("score") Double score,
                            @JsonProperty("track_score") Double trackScore,
                            @JsonProperty("nms_iou") Double nmsIou,
                            @JsonProperty("classes") List<Integer> classes,
                            @JsonProperty("min_box") Integer minBox,
                            @JsonProperty("batch") Integer batch,
                            @JsonProperty("batch_wait_ms") Long batchWaitMs,
                            @JsonProperty("intra_op_threads") Integer intraOpThreads,
                            @JsonProperty("cuda") Boolean cuda,
                            @JsonProperty("crop_padding") Double cropPadding,
                            @JsonProperty("crop_jpeg_quality") Integer cropJpegQuality,
                            @JsonProperty("detect_every") Integer detectEvery) {
    }

    /** The {@code model} value naming the built-in NanoDet. */
    public static final String NANODET = "nanodet";
    /** The {@code model} value naming OpenCV's HOG people detector. */
    public static final String HOG = "hog";

    private DetectorConfigFile() {
    }

    /** The config the file describes; a bad file gives one IOException line naming it. */
    /** The detector a command line names: {@value #NANODET}, {@value #HOG}, or a YOLO-family or NanoDet ONNX file, with its defaults. */
    public static DetectorConfig named(String name) {
        return switch (name.trim()) {
            case NANODET -> DetectorConfig.defaults();
            case HOG -> DetectorConfig.opencvHog();
            default -> DetectorConfig.onnx(Path.of(name.trim()));
        };
    }

    public static DetectorConfig load(Path file) throws IOException {
        Document d = YamlFile.read(file, Document.class, "detector config file");
        if (d == null) {
            return DetectorConfig.defaults();
        }
        try {
            DetectorConfig base = DetectorConfig.opencvHog();
            base = base.withCrops(requireNonNullElse(d.cropPadding(), base.cropPadding()), requireNonNullElse(d.cropJpegQuality(), base.cropJpegQuality()))
                    .withDetectEvery(requireNonNullElse(d.detectEvery(), base.detectEvery()));
            String name = d.model() == null || d.model().isBlank() ? NANODET : d.model().trim();
            if (name.equals(HOG)) {
                return base;
            }
            YoloSettings y = name.equals(NANODET) ? YoloSettings.nanodet()
                    : YoloSettings.defaults(file.toAbsolutePath().getParent().resolve(name));
            int[] size = d.inputSize() == null ? new int[] {0, 0} : parseSize(d.inputSize());
            y = y.withLayout(d.layout() == null ? y.layout() : YoloLayout.parse(d.layout()))
                    .withFit(d.fit() == null ? y.fit() : YoloSettings.Fit.parse(d.fit()))
                    .withInputSize(size[0], size[1])
                    .withThresholds(requireNonNullElse(d.score(), y.scoreThreshold()), requireNonNullElse(d.nmsIou(), y.nmsIou()))
                    .withTrackScore(requireNonNullElse(d.trackScore(), DetectorConfig.TRACK_SCORE))
                    .withClasses(d.classes() == null ? y.classes() : d.classes(), requireNonNullElse(d.minBox(), y.minBoxSize()))
                    .withBatching(requireNonNullElse(d.batch(), y.batchSize()), requireNonNullElse(d.batchWaitMs(), y.batchWaitMs()))
                    .withRuntime(requireNonNullElse(d.intraOpThreads(), y.intraOpThreads()), requireNonNullElse(d.cuda(), y.cuda()));
            return base.withYolo(y);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** {@code WIDTHxHEIGHT}, e.g. {@code 640x384}. */
    public static int[] parseSize(String text) {
        String[] parts = text.trim().toLowerCase().split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("input size must be WIDTHxHEIGHT (e.g. 640x640), got '" + text + "'");
    }

}
