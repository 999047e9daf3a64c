package io.crossview.detector;

import io.crossview.common.kafka.Batching;
import io.crossview.detector.crop.CropExtractor;
import io.crossview.detector.hog.HogSettings;
import io.crossview.detector.yolo.YoloSettings;

/**
 * Settings of the detector stage, read once at start.
 *
 * @param modelId         written into every FrameDetections of the HOG detector (an ONNX model is
 *                        named by its file and sha256 instead)
 * @param hog             tuning of the HOG people detector
 * @param yolo            the ONNX detector to run (a file, or the built-in NanoDet), or null for HOG
 * @param cropPadding     share of a box's width/height added on each side of its crop
 * @param cropJpegQuality JPEG quality of the crops, 1..100
 * @param detectEvery     run the detector on every Nth frame of a camera only (1: every frame); the
 *                        others go out marked skipped and the tracker carries its tracks over them
 */
public record DetectorConfig(String modelId, HogSettings hog, YoloSettings yolo, double cropPadding,
                             int cropJpegQuality, int detectEvery) {
    public static final String HOG_MODEL_ID = "opencv-hog";
    /**
     * The stage keeps an ONNX detector's boxes down to this score as weak boxes, without crops,
     * for the tracker's second association (ByteTrack's low threshold).
     */
    public static final double TRACK_SCORE = 0.1;

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
        if (detectEvery < 1 || detectEvery > 100) {
            throw new IllegalArgumentException("detector detectEvery must be 1..100 frames, got " + detectEvery);
        }
    }

    /** Detecting on every frame. */
    public DetectorConfig(String modelId, HogSettings hog, YoloSettings yolo, double cropPadding, int cropJpegQuality) {
        this(modelId, hog, yolo, cropPadding, cropJpegQuality, 1);
    }

    /** A HOG detector config. */
    public DetectorConfig(String modelId, HogSettings hog, double cropPadding, int cropJpegQuality) {
        this(modelId, hog, null, cropPadding, cropJpegQuality);
    }

    /** The built-in NanoDet, with HOG as the fallback when it cannot be obtained. */
    public static DetectorConfig defaults() {
        return opencvHog().withYolo(YoloSettings.nanodet().withTrackScore(TRACK_SCORE));
    }

    /** The stage running a YOLO-family or NanoDet ONNX file with its defaults, keeping weak boxes for the tracker. */
    public static DetectorConfig onnx(java.nio.file.Path model) {
        return opencvHog().withYolo(YoloSettings.defaults(model).withTrackScore(TRACK_SCORE));
    }

    /** OpenCV's HOG people detector. */
    public static DetectorConfig opencvHog() {
        return new DetectorConfig(HOG_MODEL_ID, HogSettings.defaults(), 0.1, 90);
    }

    /** This config running the given ONNX detector (null: back to HOG). */
    public DetectorConfig withYolo(YoloSettings settings) {
        return new DetectorConfig(modelId, hog, settings, cropPadding, cropJpegQuality, detectEvery);
    }

    public DetectorConfig withCrops(double padding, int jpegQuality) {
        return new DetectorConfig(modelId, hog, yolo, padding, jpegQuality, detectEvery);
    }

    public DetectorConfig withDetectEvery(int frames) {
        return new DetectorConfig(modelId, hog, yolo, cropPadding, cropJpegQuality, frames);
    }

    public CropExtractor cropExtractor() {
        return new CropExtractor(cropPadding, cropJpegQuality);
    }

    /**
     * How the stage gathers frames: HOG sees one picture at a time, so it takes what a poll gives;
     * an ONNX model waits up to its batch wait to fill a batch across cameras.
     */
    public Batching batching() {
        return yolo == null ? Batching.NONE : new Batching(yolo.batchSize(), yolo.batchWaitMs());
    }
}
