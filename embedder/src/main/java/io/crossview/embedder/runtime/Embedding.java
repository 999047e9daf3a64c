package io.crossview.embedder.runtime;

import java.util.Arrays;

/**
 * The appearance of one crop: an L2-normalised global vector and zero or more L2-normalised
 * part vectors (horizontal regions from the top). The arrays are owned by the record.
 */
public record Embedding(float[] global, float[][] parts) {
    public Embedding {
        if (global == null || global.length == 0) {
            throw new IllegalArgumentException("an embedding needs a non-empty global vector");
        }
        if (parts == null) {
            throw new IllegalArgumentException("parts may be empty but not null");
        }
        for (float[] part : parts) {
            if (part == null || part.length == 0 || part.length != parts[0].length) {
                throw new IllegalArgumentException("part vectors must be non-empty and of one length");
            }
        }
    }

    /** Cosine similarity of the global vectors (both are unit length). */
    public double similarity(Embedding other) {
        if (other.global.length != global.length) {
            throw new IllegalArgumentException("cannot compare " + global.length + "-d and "
                    + other.global.length + "-d embeddings");
        }
        double dot = 0;
        for (int i = 0; i < global.length; i++) {
            dot += (double) global[i] * other.global[i];
        }
        return dot;
    }

    /** A unit-length copy; an all-zero vector stays zero rather than becoming NaN. */
    public static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float[] out = v.clone();
        if (sum > 0) {
            float inv = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(e.global, global) && Arrays.deepEquals(e.parts, parts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(global) + Arrays.deepHashCode(parts);
    }

    @Override
    public String toString() {
        return "Embedding[" + global.length + "-d, " + parts.length + " parts]";
    }
}
