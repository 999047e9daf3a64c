package io.crossview.common.assignment;

import java.util.Arrays;

/**
 * Optimal rectangular min-cost assignment (Hungarian method with potentials, shortest augmenting
 * paths in the Jonker-Volgenant style), O(n²·m) for n = min(rows, cols), m = max(rows, cols).
 *
 * <p>A pair is forbidden when its cost is NaN or +infinity. The result is, among all assignments
 * that use only allowed pairs, one with the most pairs and, among those, the least total cost.
 * This is what scipy's {@code linear_sum_assignment} gives when forbidden pairs are replaced by a
 * prohibitively large cost, and it is exactly how py-motmetrics matches each frame.
 *
 * <p>An instance keeps its work arrays between calls, so a caller that solves many small problems
 * (one per frame) allocates nothing after warm-up. Instances are not thread-safe.
 */
public final class Hungarian {
    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] minv = new double[0];
    private int[] p = new int[0];
    private int[] way = new int[0];
    private boolean[] used = new boolean[0];

    /** Solves {@code cost} (all rows the same length) and returns, per row, its column or -1. */
    public static int[] assign(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        int[] rowToCol = new int[rows];
        new Hungarian().solve(cost, rows, cols, rowToCol);
        return rowToCol;
    }

    /**
     * Solves the top-left {@code rows × cols} block of {@code cost} (so callers may reuse one
     * larger buffer) and writes each row's column, or -1, into {@code rowToCol}.
     *
     * @return the number of assigned pairs
     * @throws IllegalArgumentException for a cost of -infinity, which has no optimum
     */
    public int solve(double[][] cost, int rows, int cols, int[] rowToCol) {
        if (rowToCol.length < rows) {
            throw new IllegalArgumentException("rowToCol has " + rowToCol.length + " slots for " + rows + " rows");
        }
        Arrays.fill(rowToCol, 0, rows, -1);
        if (rows == 0 || cols == 0) {
            return 0;
        }
        boolean transposed = rows > cols;
        int n = transposed ? cols : rows;
        int m = transposed ? rows : cols;

        // Forbidden pairs get a finite cost F so large that one forbidden pair fewer always pays:
        // with |c| <= C over allowed pairs, the allowed part of two full assignments differs by at
        // most 2n·C < F = 2n·(C+1) + 1. So the solver first maximises the number of allowed pairs,
        // then minimises their cost (the constant py-motmetrics uses for the same purpose).
        double maxAbs = 0;
        boolean anyAllowed = false;
        boolean anyForbidden = false;
        for (int i = 0; i < rows; i++) {
            double[] row = cost[i];
            for (int j = 0; j < cols; j++) {
                double c = row[j];
                if (c == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is -infinity");
                }
                if (allowed(c)) {
                    anyAllowed = true;
                    maxAbs = Math.max(maxAbs, Math.abs(c));
                } else {
                    anyForbidden = true;
                }
            }
        }
        if (!anyAllowed) {
            return 0;
        }
        double forbidden = anyForbidden ? 2.0 * n * (maxAbs + 1) + 1 : 0;

        ensureCapacity(n, m);
        Arrays.fill(u, 0, n + 1, 0);
        Arrays.fill(v, 0, m + 1, 0);
        Arrays.fill(p, 0, m + 1, 0);
        Arrays.fill(way, 0, m + 1, 0);
        // 1-based potentials u (rows) and v (columns); p[j] is the row holding column j, 0 = free.
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, 0, m + 1, Double.POSITIVE_INFINITY);
            Arrays.fill(used, 0, m + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (used[j]) {
                        continue;
                    }
                    double c = transposed ? cost[j - 1][i0 - 1] : cost[i0 - 1][j - 1];
                    if (!allowed(c)) {
                        c = forbidden;
                    }
                    double cur = c - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }

        int pairs = 0;
        for (int j = 1; j <= m; j++) {
            if (p[j] == 0) {
                continue;
            }
            int row = transposed ? j - 1 : p[j] - 1;
            int col = transposed ? p[j] - 1 : j - 1;
            if (allowed(cost[row][col])) {
                rowToCol[row] = col;
                pairs++;
            }
        }
        return pairs;
    }

    /** Whether a cost marks an allowed pair: finite (NaN and +infinity forbid it). */
    public static boolean allowed(double cost) {
        return cost < Double.POSITIVE_INFINITY && !Double.isNaN(cost);
    }

    private void ensureCapacity(int n, int m) {
        if (u.length < n + 1) {
            u = new double[n + 1];
        }
        if (v.length < m + 1) {
            v = new double[m + 1];
            minv = new double[m + 1];
            p = new int[m + 1];
            way = new int[m + 1];
            used = new boolean[m + 1];
        }
    }
}
