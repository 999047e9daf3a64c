package io.crossview.ingest.live;

import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.source.FrameSource;
import java.io.IOException;

/** Opens a camera's source; a seam for tests, {@code Sources::open} in production. */
@FunctionalInterface
public interface SourceOpener {
    FrameSource open(CameraConfig camera, long readTimeoutMs) throws IOException;
}
