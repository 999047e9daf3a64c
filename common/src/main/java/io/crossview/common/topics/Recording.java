package io.crossview.common.topics;

import java.util.Map;

/**
 * How much of the `frames` topic is kept: the recording window, by age and by size. Kafka
 * applies {@code retention.bytes} per partition and deletes whole segments, so both limits
 * are approximate from below.
 *
 * @param retentionMs    age limit in milliseconds, -1 for none
 * @param retentionBytes size limit per partition in bytes, -1 for none
 */
public record Recording(long retentionMs, long retentionBytes) {
    /** A day: at ~1 MB/s per 10 fps camera, longer windows are a decision, not a default. */
    public static final Recording DEFAULT = new Recording(24L * 3600 * 1000, -1);

    public Recording {
        if (retentionMs == 0 || retentionMs < -1) {
            throw new IllegalArgumentException("recording retention must be positive, or -1 to keep everything");
        }
        if (retentionBytes == 0 || retentionBytes < -1) {
            throw new IllegalArgumentException("recording size limit must be positive, or -1 for none");
        }
    }

    public Map<String, String> topicConfigs() {
        return Map.of("retention.ms", Long.toString(retentionMs), "retention.bytes", Long.toString(retentionBytes));
    }
}
