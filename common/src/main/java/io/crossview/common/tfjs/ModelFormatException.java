package io.crossview.common.tfjs;

import java.io.IOException;

/** A TF.js model file that cannot be read as a graph model; the message names the file and what is wrong. */
public class ModelFormatException extends IOException {
    public ModelFormatException(String message) {
        super(message);
    }
}
