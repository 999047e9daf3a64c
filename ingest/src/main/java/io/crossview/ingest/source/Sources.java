package io.crossview.ingest.source;

import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.synth.SynthSource;
import java.io.IOException;

/** Opens the source a camera's url names. */
public final class Sources {
    private Sources() {
    }

    /** Opens with default read timeouts; see {@link #open(CameraConfig, long)}. */
    public static FrameSource open(CameraConfig camera) throws IOException {
        return open(camera, StreamOptions.DEFAULT.readTimeoutMs());
    }

    /**
     * Opens a camera's source; live sources fail a read that blocks longer than
     * {@code readTimeoutMs}. Failures throw {@link SourceException}, saying whether a retry may help.
     */
    public static FrameSource open(CameraConfig camera, long readTimeoutMs) throws IOException {
        SourceUrl url = camera.source();
        if (url.kind() == SourceUrl.Kind.SYNTH) {
            try {
                return SynthSource.open(url.target(), camera.fps());
            } catch (IllegalArgumentException e) {
                throw new SourceException("camera " + camera.id() + ": " + e.getMessage(), true, e);
            }
        }
        StreamOptions options = new StreamOptions(readTimeoutMs, StreamOptions.DEFAULT.rtspTransport(), camera.options());
        return FfmpegSource.open(url, camera.fps(), options);
    }
}
