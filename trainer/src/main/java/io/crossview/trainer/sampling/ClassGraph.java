package io.crossview.trainer.sampling;

import java.util.random.RandomGenerator;

/**
 * The class-to-class graph of QAConv-GS: one representative image per class, their pairwise
 * distances, and each class's nearest other classes.
 *
 * <p>The caller embeds the representatives with the current model between the two steps, so this
 * class never sees a model. Classes are numbered as in {@link ClassIndex}.
 */
public final class ClassGraph {
    private ClassGraph() {
    }

    /**
     * One image per class, drawn uniformly from that class: {@code result[c]} is an index into
     * {@code labels} whose label is the c-th smallest distinct label.
     */
    public static int[] pickRepresentatives(int[] labels, RandomGenerator random) {
        return pickRepresentatives(ClassIndex.of(labels), random);
    }

    /** As {@link #pickRepresentatives(int[], RandomGenerator)} on an already grouped data set. */
    public static int[] pickRepresentatives(ClassIndex classes, RandomGenerator random) {
        int[] representatives = new int[classes.classCount()];
        for (int c = 0; c < representatives.length; c++) {
            int[] images = classes.imagesView(c);
            representatives[c] = images[random.nextInt(images.length)];
        }
        return representatives;
    }

    /**
     * Squared Euclidean distances between the embeddings of the representatives, {@code result[a][b]}
     * for classes a and b.
     *
     * <p>Squared Euclidean rather than 1 − cosine because it needs no assumption about the
     * embeddings; for L2-normalised embeddings it equals 2(1 − cosine), so the neighbours are the
     * same. Accumulated in double so the matrix is exactly symmetric with a zero diagonal.
     */
    public static float[][] distances(float[][] embeddingsOfRepresentatives) {
        float[][] e = embeddingsOfRepresentatives;
        if (e == null || e.length == 0) {
            throw new IllegalArgumentException("class distances need at least one embedding");
        }
        int dim = e[0].length;
        for (int c = 0; c < e.length; c++) {
            if (e[c].length != dim) {
                throw new IllegalArgumentException(
                        "embedding of class " + c + " has " + e[c].length + " dimensions, class 0 has " + dim);
            }
        }
        float[][] d = new float[e.length][e.length];
        for (int a = 0; a < e.length; a++) {
            for (int b = a + 1; b < e.length; b++) {
                double sum = 0;
                for (int i = 0; i < dim; i++) {
                    double diff = (double) e[a][i] - e[b][i];
                    sum += diff * diff;
                }
                d[a][b] = (float) sum;
                d[b][a] = (float) sum;
            }
        }
        return d;
    }

    /**
     * For every class, its {@code count} nearest other classes by {@code distances[a][b]} (row a),
     * nearest first, ties by smaller class id. The diagonal is ignored and the matrix need not be
     * symmetric (QAConv's matching scores are not).
     */
    public static int[][] nearest(float[][] distances, int count) {
        int classes = distances.length;
        if (count < 0 || count > classes - 1) {
            throw new IllegalArgumentException(
                    "cannot take " + count + " nearest other classes out of " + classes + " classes");
        }
        int[][] nearest = new int[classes][count];
        long[] keys = new long[classes - 1];
        for (int a = 0; a < classes; a++) {
            float[] row = distances[a];
            if (row.length != classes) {
                throw new IllegalArgumentException(
                        "distance matrix must be square: row " + a + " has " + row.length + " of " + classes);
            }
            int k = 0;
            for (int b = 0; b < classes; b++) {
                if (b != a) {
                    keys[k++] = key(row[b], b, a);
                }
            }
            // One primitive sort of (distance, id) keys: ties by id come for free.
            java.util.Arrays.sort(keys);
            for (int i = 0; i < count; i++) {
                nearest[a][i] = (int) keys[i];
            }
        }
        return nearest;
    }

    // Distance in the high 32 bits as an int whose signed order is the float order, class id below.
    private static long key(float distance, int b, int a) {
        if (Float.isNaN(distance)) {
            throw new IllegalArgumentException("distance between classes " + a + " and " + b + " is NaN");
        }
        int bits = Float.floatToIntBits(distance + 0.0f); // + 0.0f turns -0.0 into 0.0
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ordered << 32) | b;
    }
}
