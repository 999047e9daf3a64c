package io.crossview.common.kafka;

/**
 * How many input records a stage gathers before handling them together, and how long it
 * waits for more once it has one: the first record of a batch waits at most
 * {@code maxWaitMs}, so batching costs bounded latency.
 */
public record Batching(int maxRecords, long maxWaitMs) {
    /** Whatever one poll returns, no waiting: the behaviour of a stage that does not batch. */
    public static final Batching NONE = new Batching(16, 0);

    public Batching {
        if (maxRecords < 1 || maxRecords > 10_000) {
            throw new IllegalArgumentException("a batch holds 1..10000 records, got " + maxRecords);
        }
        if (maxWaitMs < 0) {
            throw new IllegalArgumentException("batch wait must be >= 0 ms, got " + maxWaitMs);
        }
    }
}
