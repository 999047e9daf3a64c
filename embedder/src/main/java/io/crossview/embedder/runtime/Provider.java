package io.crossview.embedder.runtime;

import java.util.Locale;

/** Where ONNX Runtime runs a model: CUDA when asked and present, otherwise the CPU. */
public enum Provider {
    /** CUDA if this build carries it and a GPU answers, else CPU (said once in the log). */
    AUTO,
    /** CUDA or fail: for GPU nodes where a silent fallback would hide a broken driver. */
    CUDA,
    CPU;

    public static Provider parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("execution provider must be auto, cuda or cpu, got '" + text + "'");
        }
    }
}
