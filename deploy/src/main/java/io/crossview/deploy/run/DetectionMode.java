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

    public boolean isOracle() {
        return oracle != null;
    }

    public String label() {
        return isOracle() ? oracle.modelId() : "opencv-hog";
    }
}
