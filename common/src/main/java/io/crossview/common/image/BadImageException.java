package io.crossview.common.image;

/** Bytes that should be a picture and are not. */
public class BadImageException extends RuntimeException {
    public BadImageException(String message) {
        super(message);
    }
}
