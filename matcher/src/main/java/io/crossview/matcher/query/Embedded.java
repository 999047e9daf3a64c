package io.crossview.matcher.query;

import java.util.Arrays;

/**
 * The embedding of an example crop and the model version that made it: the search compares it
 * only with prototypes of that version. The array is copied in and out.
 */
public record Embedded(float[] vector, String modelVersion) {
    public Embedded {
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("an embedding needs a non-empty vector");
        }
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("an embedding needs its model version");
        }
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedded e && Arrays.equals(vector, e.vector) && modelVersion.equals(e.modelVersion);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(vector) + modelVersion.hashCode();
    }

    @Override
    public String toString() {
        return "Embedded[" + vector.length + "-d, " + modelVersion + "]";
    }
}
