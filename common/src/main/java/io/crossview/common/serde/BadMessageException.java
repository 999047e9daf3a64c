package io.crossview.common.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record that cannot be read: corrupt bytes, a missing field or an unknown schema major. */
public class BadMessageException extends SerializationException {
    public BadMessageException(String message) {
        super(message);
    }

    public BadMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
