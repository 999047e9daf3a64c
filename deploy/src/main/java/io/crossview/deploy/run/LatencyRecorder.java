package io.crossview.deploy.run;

import java.util.Arrays;

/** Collects latencies in milliseconds and reports percentiles (nearest rank). */
public final class LatencyRecorder {
    private long[] values = new long[1024];
    private int size;

    public synchronized void record(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public synchronized int count() {
        return size;
    }

    /** Every latency recorded, in the order they came. */
    public synchronized long[] values() {
        return Arrays.copyOf(values, size);
    }

    /** The p-th percentile (0 < p <= 100) by nearest rank, or -1 with nothing recorded. */
    public synchronized long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)];
    }
}
