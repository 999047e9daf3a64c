package io.crossview.deploy.run;

import io.crossview.detector.DetectorConfig;
import io.crossview.detector.oracle.OracleSettings;
import io.crossview.detector.yolo.YoloSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which detector a run uses: a real one (the built-in NanoDet, OpenCV's HOG, or an ONNX file),
 * or the labelled oracle that reads the ground truth of synthetic sources. Results always say
 * which: the label here until the stage opens, then the model id the stage reports.
 *
 * @param detector the real detector's config; null for the oracle
 */
public record DetectionMode(String name, OracleSettings oracle, DetectorConfig detector) {
    public static final String CHOICES = "nanodet (default), hog, oracle or PATH.onnx";

    public static DetectionMode nanodet() {
        return new DetectionMode("nanodet", null, DetectorConfig.defaults());
    }

    public static DetectionMode hog() {
        return new DetectionMode("hog", null, DetectorConfig.opencvHog());
    }

    public static DetectionMode oracle(OracleSettings settings) {
        return new DetectionMode("oracle", settings, null);
    }

    /** A YOLO-family or NanoDet ONNX file, its layout told from its outputs. */
    public static DetectionMode onnx(Path model) {
        return new DetectionMode(model.toString(), null, DetectorConfig.onnx(model));
    }

    /** {@code nanodet}, {@code hog}, {@code oracle} (with the given settings) or an ONNX file, as the command line names them. */
    public static DetectionMode parse(String name, OracleSettings oracleSettings) {
        String n = name == null ? "nanodet" : name.trim();
        return switch (n) {
            case "nanodet" -> nanodet();
            case "hog" -> hog();
            case "oracle" -> oracle(oracleSettings);
            default -> {
                Path file = Path.of(n);
                if (!n.endsWith(".onnx") && !Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--detector must be " + CHOICES + ", got '" + n + "'");
                }
                yield onnx(file);
            }
        };
    }

    /** This mode running its detector on every {@code frames}th frame of a camera only. */
    public DetectionMode detectingEvery(int frames) {
        if (frames == 1) {
            return this;
        }
        if (isOracle()) {
            throw new IllegalArgumentException("--detect-every is for real detectors, not the oracle");
        }
        return new DetectionMode(name, oracle, detector.withDetectEvery(frames));
    }

    /** This mode passing on the boxes of its ONNX detector at {@code score} and above. */
    public DetectionMode scoring(double score) {
        if (isOracle() || detector.yolo() == null) {
            throw new IllegalArgumentException("--detector-score is for ONNX detectors (nanodet or PATH.onnx), not " + name);
        }
        if (!(score > 0 && score < 1)) {
            throw new IllegalArgumentException("--detector-score must be in (0, 1), got " + score);
        }
        YoloSettings y = detector.yolo();
        return new DetectionMode(name, oracle, detector.withYolo(y.withThresholds(score, y.nmsIou())));
    }

    public boolean isOracle() {
        return oracle != null;
    }

    public String label() {
        return isOracle() ? oracle.modelId() : detector.yolo() == null ? DetectorConfig.HOG_MODEL_ID : name;
    }
}
