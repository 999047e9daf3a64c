package io.crossview.ingest.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** What one export wrote. */
public record ExportSummary(String camera, long frames, long firstCaptureMs, long lastCaptureMs, double fps,
                            int width, int height, long scaled, long undecodable, VideoCodec codec, Path out, long bytes) {
    /** Capture span plus one frame interval: the time the video plays. */
    public double durationSeconds() {
        return (lastCaptureMs - firstCaptureMs) / 1000.0 + 1 / fps;
    }

    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "export: %d frames of %s, %s..%s, %.1f s at ~%.4g fps, %dx%d %s -> %s (%s)",
                frames, camera, Instant.ofEpochMilli(firstCaptureMs), Instant.ofEpochMilli(lastCaptureMs),
                durationSeconds(), fps, width, height, codec, out, size(bytes)));
        if (scaled > 0) {
            line.append(", ").append(scaled).append(" frames scaled to the first frame's size");
        }
        if (undecodable > 0) {
            line.append(", ").append(undecodable).append(undecodable == 1 ? " undecodable record" : " undecodable records")
                    .append(" of the camera skipped");
        }
        return line.toString();
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
