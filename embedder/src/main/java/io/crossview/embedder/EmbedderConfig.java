package io.crossview.embedder;

import io.crossview.embedder.runtime.ReidModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the embedder stage.
 *
 * @param intraOpThreads ONNX Runtime threads per session; 1 is the most predictable on shared cores
 * @param modelPath      an ONNX re-ID model file, or null for the built-in appearance model
 */
public record EmbedderConfig(int intraOpThreads, Path modelPath) {
    public static final int DEFAULT_INTRA_OP_THREADS = 1;

    public EmbedderConfig {
        if (intraOpThreads < 1 || intraOpThreads > 256) {
            throw new IllegalArgumentException("embedder intraOpThreads must be 1..256, got " + intraOpThreads);
        }
        if (modelPath != null && modelPath.toString().isBlank()) {
            throw new IllegalArgumentException("embedder modelPath is blank: leave it out for the built-in model");
        }
    }

    public static EmbedderConfig defaults() {
        return new EmbedderConfig(DEFAULT_INTRA_OP_THREADS, null);
    }

    public Optional<Path> model() {
        return Optional.ofNullable(modelPath);
    }

    /** The configured model, or the built-in one when no file is configured. */
    public ReidModel openModel() throws IOException {
        return modelPath == null ? ReidModel.builtin(intraOpThreads)
                : ReidModel.open(modelPath, intraOpThreads);
    }
}
