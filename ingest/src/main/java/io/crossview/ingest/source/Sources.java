package io.crossview.ingest.source;

import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.synth.SynthSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Opens the source a camera's url names. */
public final class Sources {
    private Sources() {
    }

    public static FrameSource open(CameraConfig camera) throws IOException {
        String url = camera.url().strip();
        if (url.startsWith("synth:")) {
            return SynthSource.open(url, camera.fps());
        }
        if (url.startsWith("file:")) {
            return VideoFileSource.open(Path.of(URI.create(url)), camera.fps());
        }
        if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IOException("camera " + camera.id() + ": network streams (" + url.substring(0, url.indexOf(':'))
                    + ") are not supported by this version; use a file or synth: url");
        }
        return VideoFileSource.open(Path.of(url), camera.fps());
    }
}
