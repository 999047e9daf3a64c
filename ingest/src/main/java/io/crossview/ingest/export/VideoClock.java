package io.crossview.ingest.export;

import java.util.Arrays;

/**
 * Turns capture times into the encoder's timestamps. FFmpeg counts in ticks of 1/fps, so a
 * capture time is rounded to its tick and pushed one tick later when it would share a tick
 * with the previous frame: every recorded frame stays in the video, in order.
 */
public final class VideoClock {
    private final long firstCaptureMs;
    private final double fps;
    private long lastTick = -1;

    public VideoClock(long firstCaptureMs, double fps) {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("fps must be above 0, got " + fps);
        }
        this.firstCaptureMs = firstCaptureMs;
        this.fps = fps;
    }

    /** Microseconds since the first frame for the next frame; strictly increasing tick by tick. */
    public long timestampMicros(long captureMs) {
        long tick = Math.max(lastTick + 1, Math.round((captureMs - firstCaptureMs) * fps / 1000.0));
        lastTick = tick;
        // FFmpegFrameRecorder.setTimestamp rounds micros * fps / 1e6 back to this tick
        return Math.round(tick * 1_000_000.0 / fps);
    }

    /** A frame rate from the median gap between capture times; {@code fallback} with fewer than two distinct times. */
    public static double estimateFps(long[] captureMs, double fallback) {
        long[] sorted = captureMs.clone();
        Arrays.sort(sorted);
        long[] gaps = new long[Math.max(0, sorted.length - 1)];
        int n = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] > sorted[i - 1]) {
                gaps[n++] = sorted[i] - sorted[i - 1];
            }
        }
        if (n == 0) {
            return fallback;
        }
        Arrays.sort(gaps, 0, n);
        double median = n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2.0;
        return Math.max(1, Math.min(120, Math.round(1000.0 / median * 100) / 100.0));
    }
}
