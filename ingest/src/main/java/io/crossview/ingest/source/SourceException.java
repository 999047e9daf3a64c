package io.crossview.ingest.source;

import java.io.IOException;

/** A source that cannot be opened or read; {@code permanent} when trying again cannot help. */
public final class SourceException extends IOException {
    private final boolean permanent;

    public SourceException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public SourceException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
