package io.crossview.ingest.live;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter between reconnect attempts: the delay doubles per failed
 * attempt up to a cap, and is spread by ±jitter so that cameras behind one failed switch do
 * not all reconnect at the same instant.
 */
public record Backoff(long initialMs, long maxMs, double jitter) {
    public Backoff {
        if (initialMs <= 0 || maxMs < initialMs || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and jitter in [0, 1)");
        }
    }

    /** Delay before attempt {@code attempt} (1 = the first retry); {@code random} gives values in [0, 1). */
    public long delayMs(int attempt, DoubleSupplier random) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        double base = Math.min(maxMs, initialMs * Math.pow(2, doublings));
        double spread = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Math.max(1, Math.round(base * spread));
    }
}
