package io.crossview.deploy.demo;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.deploy.run.DetectionMode;
import java.nio.file.Path;

/**
 * What one demo run works on; {@code kafka} null means an embedded broker.
 *
 * @param reidModel the embedder's model, null for the built-in one
 */
public record DemoSettings(Path video, Path out, KafkaConnection kafka, String topicPrefix, double fps,
                           long startFrame, long maxFrames, DetectionMode detection, Path reidModel) {
    /** The built-in detector and re-ID model. */
    public DemoSettings(Path video, Path out, KafkaConnection kafka, String topicPrefix, double fps, long startFrame,
                        long maxFrames) {
        this(video, out, kafka, topicPrefix, fps, startFrame, maxFrames, DetectionMode.nanodet(), null);
    }

    public DemoSettings {
        detection = detection == null ? DetectionMode.nanodet() : detection;
        if (detection.isOracle()) {
            throw new IllegalArgumentException("the demo's video has no ground truth for the oracle: --detector "
                    + "nanodet, hog or PATH.onnx");
        }
        if (video == null || out == null) {
            throw new IllegalArgumentException("demo needs a video and an output folder");
        }
        if (fps <= 0) {
            throw new IllegalArgumentException("--fps must be > 0, got " + fps);
        }
        if (startFrame < 0 || maxFrames < 0) {
            throw new IllegalArgumentException("--start-frame and --max-frames must be >= 0");
        }
    }
}
