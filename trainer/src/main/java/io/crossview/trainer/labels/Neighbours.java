package io.crossview.trainer.labels;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The original distances of the k-reciprocal encoding and each point's nearest points by them:
 * 2 − 2·cos, which for unit vectors is their squared Euclidean distance.
 *
 * <p>Only the first few neighbours of each point are ever used, so each row keeps a bounded heap
 * instead of sorting all n distances.
 */
final class Neighbours {
    private final float[][] unit;

    private Neighbours(float[][] unit) {
        this.unit = unit;
    }

    /**
     * Unit-length copies of the embeddings. They should be L2-normalised already; normalising again
     * costs n·d and spares the caller a silent wrong answer when they are not.
     */
    static Neighbours of(float[][] embeddings) {
        if (embeddings == null || embeddings.length == 0) {
            throw new IllegalArgumentException("pseudo-labels need at least one embedding");
        }
        if (embeddings.length > DistanceMatrix.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "at most " + DistanceMatrix.MAX_SIZE + " embeddings, got " + embeddings.length);
        }
        if (embeddings[0] == null || embeddings[0].length == 0) {
            throw new IllegalArgumentException("embedding 0 is empty");
        }
        int dim = embeddings[0].length;
        float[][] unit = new float[embeddings.length][];
        for (int i = 0; i < embeddings.length; i++) {
            float[] e = embeddings[i];
            if (e == null || e.length != dim) {
                throw new IllegalArgumentException("embedding " + i + " has " + (e == null ? 0 : e.length)
                        + " dimensions, embedding 0 has " + dim);
            }
            double norm = 0;
            for (float x : e) {
                norm += (double) x * x;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("embedding " + i + " cannot be normalised: its norm is " + norm);
            }
            unit[i] = new float[dim];
            for (int k = 0; k < dim; k++) {
                unit[i][k] = (float) (e[k] / norm);
            }
        }
        return new Neighbours(unit);
    }

    int size() {
        return unit.length;
    }

    /**
     * 2 − 2·cos(i, j), never below 0. Exactly symmetric, and the same float as {@link #distances}
     * gives: the products commute and are summed in the same order whichever way round.
     */
    float distance(int i, int j) {
        float[] a = unit[i];
        float[] b = unit[j];
        // Two sums, even and odd dimensions, as in each lane of distances(...).
        float even = 0;
        float odd = 0;
        int k = 0;
        for (; k + 1 < a.length; k += 2) {
            even += a[k] * b[k];
            odd += a[k + 1] * b[k + 1];
        }
        if (k < a.length) {
            even += a[k] * b[k];
        }
        return fromDot(even + odd);
    }

    /**
     * Row i of the distances, into {@code row}. Four points at a time: the JIT does not vectorise a
     * floating-point sum, but eight independent sums keep the multipliers busy, and each load of
     * a[k] serves four products. About 1.5 times as fast as one point at a time.
     */
    void distances(int i, float[] row) {
        float[] a = unit[i];
        int n = unit.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            float[] b0 = unit[j];
            float[] b1 = unit[j + 1];
            float[] b2 = unit[j + 2];
            float[] b3 = unit[j + 3];
            float even0 = 0, odd0 = 0, even1 = 0, odd1 = 0, even2 = 0, odd2 = 0, even3 = 0, odd3 = 0;
            int k = 0;
            for (; k + 1 < a.length; k += 2) {
                float x = a[k];
                float y = a[k + 1];
                even0 += x * b0[k];
                odd0 += y * b0[k + 1];
                even1 += x * b1[k];
                odd1 += y * b1[k + 1];
                even2 += x * b2[k];
                odd2 += y * b2[k + 1];
                even3 += x * b3[k];
                odd3 += y * b3[k + 1];
            }
            if (k < a.length) {
                even0 += a[k] * b0[k];
                even1 += a[k] * b1[k];
                even2 += a[k] * b2[k];
                even3 += a[k] * b3[k];
            }
            row[j] = fromDot(even0 + odd0);
            row[j + 1] = fromDot(even1 + odd1);
            row[j + 2] = fromDot(even2 + odd2);
            row[j + 3] = fromDot(even3 + odd3);
        }
        for (; j < n; j++) {
            row[j] = distance(i, j);
        }
    }

    private static float fromDot(float dot) {
        return Math.max(0f, 2 - 2 * dot);
    }

    /**
     * Each point's {@code depth} nearest points, nearest first, ties by smaller index. A point is
     * always its own first neighbour, even when a duplicate embedding is as near: the encoding
     * counts the point itself in every neighbour list.
     */
    int[][] ranks(int depth) {
        int n = unit.length;
        if (depth < 1 || depth > n) {
            throw new IllegalArgumentException("cannot rank " + depth + " neighbours among " + n + " points");
        }
        int[][] ranks = new int[n][];
        // A few rows per task, so each task fills one scratch row many times.
        int rowsPerTask = 16;
        IntStream.range(0, (n + rowsPerTask - 1) / rowsPerTask).parallel().forEach(task -> {
            float[] row = new float[n];
            for (int i = task * rowsPerTask; i < Math.min(n, (task + 1) * rowsPerTask); i++) {
                distances(i, row);
                ranks[i] = rank(i, row, depth);
            }
        });
        return ranks;
    }

    private static int[] rank(int i, float[] row, int depth) {
        int n = row.length;
        int others = depth - 1;
        // Max-heap of (distance, index) keys of the nearest others so far; worst at the root.
        long[] heap = new long[others];
        int size = 0;
        for (int j = 0; j < n && others > 0; j++) {
            if (j == i) {
                continue;
            }
            long key = key(row[j], j);
            if (size < others) {
                heap[size] = key;
                siftUp(heap, size++);
            } else if (key < heap[0]) {
                heap[0] = key;
                siftDown(heap, size);
            }
        }
        Arrays.sort(heap);
        int[] rank = new int[depth];
        rank[0] = i;
        for (int r = 0; r < others; r++) {
            rank[r + 1] = (int) heap[r];
        }
        return rank;
    }

    // Distances are >= 0, so their float bits already order like the floats; the index below them
    // breaks ties.
    private static long key(float distance, int j) {
        return ((long) Float.floatToIntBits(distance) << 32) | j;
    }

    private static void siftUp(long[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (heap[parent] >= heap[at]) {
                return;
            }
            swap(heap, parent, at);
            at = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[at] >= heap[child]) {
                return;
            }
            swap(heap, at, child);
            at = child;
        }
    }

    private static void swap(long[] heap, int a, int b) {
        long t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
