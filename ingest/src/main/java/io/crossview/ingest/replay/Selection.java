package io.crossview.ingest.replay;

import java.time.Instant;
import java.util.Set;

/**
 * Which recorded frames a reader yields: some cameras (empty means all) captured in
 * [startMs, endMs). Open ends are {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}.
 */
public record Selection(Set<String> cameras, long startMs, long endMs) {
    public Selection {
        cameras = Set.copyOf(cameras);
        if (endMs <= startMs) {
            throw new IllegalArgumentException("the end " + show(endMs) + " must be after the start " + show(startMs));
        }
    }

    public static Selection all() {
        return new Selection(Set.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Either end may be null for an open range. */
    public static Selection of(Set<String> cameras, Instant start, Instant end) {
        return new Selection(cameras, start == null ? Long.MIN_VALUE : start.toEpochMilli(),
                end == null ? Long.MAX_VALUE : end.toEpochMilli());
    }

    public boolean hasStart() {
        return startMs != Long.MIN_VALUE;
    }

    public boolean hasEnd() {
        return endMs != Long.MAX_VALUE;
    }

    public boolean selectsCamera(String camera) {
        return cameras.isEmpty() || cameras.contains(camera);
    }

    public boolean contains(CaptureKey key) {
        return selectsCamera(key.camera()) && key.captureMs() >= startMs && key.captureMs() < endMs;
    }

    static String show(long ms) {
        return ms == Long.MIN_VALUE ? "-inf" : ms == Long.MAX_VALUE ? "+inf" : Instant.ofEpochMilli(ms).toString();
    }
}
