package io.crossview.deploy.demo;

import java.nio.file.Path;

/** What one demo run works on; {@code bootstrap} null means an embedded broker. */
public record DemoSettings(Path video, Path out, String bootstrap, String topicPrefix, double fps,
                           long startFrame, long maxFrames) {
    public DemoSettings {
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
