package io.crossview.deploy.run;

import io.crossview.detector.oracle.OracleSettings;

/**
 * Which detector a run uses: a real one, or the labelled oracle that reads the ground truth
 * of synthetic sources. Results always say which.
 */
public record DetectionMode(String name, OracleSettings oracle) {
    public static DetectionMode hog() {
        return new DetectionMode("hog", null);
    }

    public static DetectionMode oracle(OracleSettings settings) {
        return new DetectionMode("oracle", settings);
    }

    /** {@code hog} or {@code oracle} (with the given settings), as the command line names them. */
    public static DetectionMode parse(String name, OracleSettings oracleSettings) {
        return switch (name) {
            case "hog" -> hog();
            case "oracle" -> oracle(oracleSettings);
            default -> throw new IllegalArgumentException("detection must be hog or oracle, got " + name);
        };
    }

    public boolean isOracle() {
        return oracle != null;
    }

    public String label() {
        return isOracle() ? oracle.modelId() : "opencv-hog";
    }
}
