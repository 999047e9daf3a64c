package io.crossview.common.serde;

/** The schema major version this build writes and accepts on every topic. */
public final class WireSchema {
    public static final int VERSION = 1;

    private WireSchema() {
    }
}
