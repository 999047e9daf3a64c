package io.crossview.ingest.export;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One camera's frames captured in [from, to) into a video file. {@code fps} 0 estimates
 * the rate from capture times; {@code bitrateKbps} 0 picks one from the frame size;
 * {@code quality} (codec scale, lower is better) replaces the bitrate when set (> 0).
 */
public record ExportRequest(String camera, Instant from, Instant to, Path out, VideoCodec codec,
                            double fps, int bitrateKbps, double quality) {
    public ExportRequest {
        if (camera == null || camera.isBlank()) {
            throw new IllegalArgumentException("a camera id is required");
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("both ends of the time range are required");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to " + to + " must be after --from " + from);
        }
        if (fps < 0 || bitrateKbps < 0) {
            throw new IllegalArgumentException("fps and bitrate must not be negative");
        }
        Container.formatOf(out);
    }
}
