package io.crossview.ingest.live;

import java.util.Locale;

/** Which frame gives way when a camera's queue is full because Kafka or the network is slow. */
public enum DropPolicy {
    /** Evict the oldest queued frame: what is sent stays as fresh as possible (the default for live video). */
    DROP_OLDEST,
    /** Discard the new frame before encoding it: the cheapest on CPU, but what is sent grows stale. */
    DROP_NEWEST;

    public static DropPolicy parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DropPolicy policy : values()) {
            if (policy.name().equals(t)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("drop policy must be drop_oldest or drop_newest, got '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
