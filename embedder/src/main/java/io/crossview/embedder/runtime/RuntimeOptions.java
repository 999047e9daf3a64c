package io.crossview.embedder.runtime;

/**
 * How ONNX Runtime runs a model.
 *
 * @param intraOpThreads threads inside one operator; 1 is the most predictable on shared cores
 * @param provider       auto (CUDA when present), cuda, or cpu
 * @param device         CUDA device number
 */
public record RuntimeOptions(int intraOpThreads, Provider provider, int device) {
    public static final RuntimeOptions DEFAULT = new RuntimeOptions(1, Provider.AUTO, 0);

    public RuntimeOptions {
        if (intraOpThreads < 1 || intraOpThreads > 256) {
            throw new IllegalArgumentException("intra-op threads must be 1..256, got " + intraOpThreads);
        }
        if (device < 0) {
            throw new IllegalArgumentException("CUDA device must be >= 0, got " + device);
        }
        provider = provider == null ? Provider.AUTO : provider;
    }
}
