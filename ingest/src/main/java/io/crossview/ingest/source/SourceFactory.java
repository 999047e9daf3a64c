package io.crossview.ingest.source;

import java.io.IOException;

/**
 * Opens the sources of a url scheme that ingest does not know itself; the application
 * registers one per scheme with {@link Sources#register} (deploy: {@code synth://}).
 */
@FunctionalInterface
public interface SourceFactory {
    /**
     * Opens {@code url} (as the cameras file writes it, scheme included) for a camera that
     * takes {@code fps} frames per second. A url the factory cannot make sense of is an
     * IllegalArgumentException: {@link Sources} reports it as a permanent failure of the camera.
     */
    FrameSource open(String url, double fps) throws IOException;
}
