package io.crossview.trainer.labels;

import java.util.Arrays;

/**
 * A symmetric n × n distance matrix with a zero diagonal, stored as its strict upper triangle.
 *
 * <p>Half of a dense {@code float[n][n]}: for the 5000 crops of a large epoch that is 50 MB rather
 * than 100 MB, and one array rather than 5000. Only this package writes to it, so once handed out
 * it does not change.
 */
public final class DistanceMatrix {
    /** The largest n whose triangle still fits one Java array. */
    public static final int MAX_SIZE = 65_536;

    private final int n;
    private final float[] upper;

    private DistanceMatrix(int n, float[] upper) {
        this.n = n;
        this.upper = upper;
    }

    /** An n × n matrix with every off-diagonal distance {@code value}. */
    static DistanceMatrix filled(int n, float value) {
        if (n < 0 || n > MAX_SIZE) {
            throw new IllegalArgumentException("a distance matrix holds 0 to " + MAX_SIZE + " points, got " + n);
        }
        float[] upper = new float[(int) ((long) n * (n - 1) / 2)];
        Arrays.fill(upper, value);
        return new DistanceMatrix(n, upper);
    }

    /**
     * A copy of a dense matrix, for distances computed elsewhere. It must be square, symmetric, with
     * a zero diagonal and no NaN: the triangle could not represent anything else.
     */
    public static DistanceMatrix of(float[][] dense) {
        if (dense == null) {
            throw new IllegalArgumentException("distance matrix is null");
        }
        int n = dense.length;
        for (int i = 0; i < n; i++) {
            if (dense[i] == null || dense[i].length != n) {
                throw new IllegalArgumentException("distance matrix must be square: row " + i + " has "
                        + (dense[i] == null ? 0 : dense[i].length) + " entries, there are " + n + " rows");
            }
        }
        DistanceMatrix matrix = filled(n, 0f);
        for (int i = 0; i < n; i++) {
            if (dense[i][i] != 0f) {
                throw new IllegalArgumentException("distance of point " + i + " to itself is " + dense[i][i] + ", not 0");
            }
            for (int j = i + 1; j < n; j++) {
                float d = dense[i][j];
                if (Float.isNaN(d) || d != dense[j][i]) {
                    throw new IllegalArgumentException("distance matrix must be symmetric without NaN: ["
                            + i + "][" + j + "] = " + d + " but [" + j + "][" + i + "] = " + dense[j][i]);
                }
                matrix.set(i, j, d);
            }
        }
        return matrix;
    }

    /** The number of points, n. */
    public int size() {
        return n;
    }

    public float get(int i, int j) {
        if (i == j) {
            checkIndex(i);
            return 0f;
        }
        return upper[index(i, j)];
    }

    /** Row i into {@code into} (length n): one pass over the triangle, cheaper than n calls of get. */
    public void row(int i, float[] into) {
        checkIndex(i);
        if (into.length != n) {
            throw new IllegalArgumentException("row of " + n + " distances into an array of " + into.length);
        }
        // Left of the diagonal, row i is column i of the rows above: one entry per row, n - j - 1 apart.
        int at = i - 1;
        for (int j = 0; j < i; j++) {
            into[j] = upper[at];
            at += n - j - 2;
        }
        into[i] = 0f;
        System.arraycopy(upper, rowStart(i), into, i + 1, n - i - 1);
    }

    void set(int i, int j, float distance) {
        upper[index(i, j)] = distance;
    }

    /** Where row i's entries right of the diagonal start; they run up to {@code rowStart(i + 1)}. */
    int rowStart(int i) {
        return (int) ((long) i * (2L * n - i - 1) / 2);
    }

    /** The triangle itself, for bulk work on a row in this package: see {@link #rowStart(int)}. */
    float[] upper() {
        return upper;
    }

    public float[][] toDense() {
        float[][] dense = new float[n][n];
        for (int i = 0; i < n; i++) {
            int start = rowStart(i);
            for (int j = i + 1; j < n; j++) {
                float d = upper[start + j - i - 1];
                dense[i][j] = d;
                dense[j][i] = d;
            }
        }
        return dense;
    }

    private int index(int i, int j) {
        checkIndex(i);
        checkIndex(j);
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return rowStart(i) + j - i - 1;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("point " + i + " of a " + n + " × " + n + " distance matrix");
        }
    }

    @Override
    public String toString() {
        return "DistanceMatrix[" + n + " × " + n + "]";
    }
}
