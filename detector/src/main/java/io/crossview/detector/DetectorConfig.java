package io.crossview.detector;

import io.crossview.detector.crop.CropExtractor;
import io.crossview.detector.hog.HogSettings;

/**
 * Settings of the detector stage, read once at start.
 *
 * @param modelId         written into every FrameDetections so readers know what found the boxes
 * @param hog             tuning of the HOG people detector
 * @param cropPadding     share of a box's width/height added on each side of its crop
 * @param cropJpegQuality JPEG quality of the crops, 1..100
 */
public record DetectorConfig(String modelId, HogSettings hog, double cropPadding, int cropJpegQuality) {
    public static final String HOG_MODEL_ID = "opencv-hog";

    public DetectorConfig {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("detector modelId must not be blank");
        }
        if (hog == null) {
            throw new IllegalArgumentException("detector hog settings are missing");
        }
        if (!(cropPadding >= 0 && cropPadding <= 1)) {
            throw new IllegalArgumentException("detector cropPadding must be in [0, 1], got " + cropPadding);
        }
        if (cropJpegQuality < 1 || cropJpegQuality > 100) {
            throw new IllegalArgumentException("detector cropJpegQuality must be 1..100, got " + cropJpegQuality);
        }
    }

    public static DetectorConfig defaults() {
        return new DetectorConfig(HOG_MODEL_ID, HogSettings.defaults(), 0.1, 90);
    }

    public CropExtractor cropExtractor() {
        return new CropExtractor(cropPadding, cropJpegQuality);
    }
}
