package io.crossview.ingest.replay;

import java.time.Instant;
import java.util.Set;

/**
 * What one replay republished. Capture times are epoch ms, {@link Long#MIN_VALUE} when
 * nothing was replayed; {@code sendingMs} is the wall time from the first frame sent to the last.
 */
public record ReplaySummary(long frames, Set<String> cameras, long firstCaptureMs, long lastCaptureMs,
                            long deadLetters, String sourceTopic, String targetTopic, long sendingMs) {
    public ReplaySummary {
        cameras = Set.copyOf(cameras);
    }

    /** {@code replay: 1234 frames of 2 cameras, T1..T2, rec.frames -> r1.frames (0 dead letters)}. */
    public String line() {
        String span = frames == 0 ? "no capture times"
                : Instant.ofEpochMilli(firstCaptureMs) + ".." + Instant.ofEpochMilli(lastCaptureMs);
        return "replay: " + frames + " frames of " + cameras.size() + (cameras.size() == 1 ? " camera, " : " cameras, ")
                + span + ", " + sourceTopic + " -> " + targetTopic + " (" + deadLetters
                + (deadLetters == 1 ? " dead letter)" : " dead letters)")
                + String.format(java.util.Locale.ROOT, " in %.1f s", sendingMs / 1000.0);
    }
}
