package io.crossview.common.assignment;

import java.util.Arrays;

/**
 * Assignment on sparse problems: rows and columns are split into the connected components of
 * the pairs that matter, and each component is solved densely with {@link Hungarian}. Crowded
 * frames (MOT20 has 150+ boxes a frame) have many boxes but few overlaps, so this turns one
 * O(n³) solve into many tiny ones with the same optimum.
 *
 * <p>Instances keep their work buffers between calls and are not thread-safe.
 */
public final class SparseAssignment {
    private final Hungarian hungarian = new Hungarian();
    private int[] parent = new int[0];
    private int[] compRows = new int[0];
    private int[] compCols = new int[0];
    private int[] subToCol = new int[0];
    private int[] head = new int[0];
    private int[] next = new int[0];
    private double[][] sub = new double[0][0];

    /**
     * Min-cost assignment with NaN/+infinity forbidding a pair: the most allowed pairs, then the
     * least cost ({@link Hungarian}'s contract). Writes each row's column or -1.
     *
     * @return the number of assigned pairs
     */
    public int minCost(double[][] cost, int rows, int cols, int[] rowToCol) {
        return solve(cost, rows, cols, rowToCol, false);
    }

    /**
     * Max-weight matching: the pairs with positive weight whose total weight is largest (pairs of
     * weight <= 0 are never assigned). Writes each row's column or -1.
     *
     * @return the number of assigned pairs
     */
    public int maxWeight(double[][] weight, int rows, int cols, int[] rowToCol) {
        return solve(weight, rows, cols, rowToCol, true);
    }

    private int solve(double[][] m, int rows, int cols, int[] rowToCol, boolean maximise) {
        Arrays.fill(rowToCol, 0, rows, -1);
        if (rows == 0 || cols == 0) {
            return 0;
        }
        // Union-find over rows [0, rows) and columns [rows, rows + cols).
        int nodes = rows + cols;
        if (parent.length < nodes) {
            parent = new int[nodes];
            compRows = new int[nodes];
            compCols = new int[nodes];
            subToCol = new int[nodes];
            head = new int[nodes];
            next = new int[nodes];
        }
        for (int k = 0; k < nodes; k++) {
            parent[k] = k;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (edge(m[i][j], maximise)) {
                    union(i, rows + j);
                }
            }
        }
        // Bucket the nodes by component (linked lists through next[]), keeping index order.
        Arrays.fill(head, 0, nodes, -1);
        for (int k = nodes - 1; k >= 0; k--) {
            int root = find(k);
            next[k] = head[root];
            head[root] = k;
        }
        int pairs = 0;
        for (int root = 0; root < nodes; root++) {
            int nr = 0;
            int nc = 0;
            for (int k = head[root]; k >= 0; k = next[k]) {
                if (k < rows) {
                    compRows[nr++] = k;
                } else {
                    compCols[nc++] = k - rows;
                }
            }
            if (nr > 0 && nc > 0) {
                pairs += solveComponent(m, nr, nc, rowToCol, maximise);
            }
        }
        return pairs;
    }

    private int solveComponent(double[][] m, int nr, int nc, int[] rowToCol, boolean maximise) {
        if (nr == 1 && nc == 1) {
            // The commonest case in tracking data: one box overlapping one box.
            rowToCol[compRows[0]] = compCols[0];
            return 1;
        }
        int subCols = sub.length == 0 ? 0 : sub[0].length;
        if (sub.length < nr || subCols < nc) {
            sub = new double[Math.max(nr, sub.length)][Math.max(nc, subCols)];
        }
        for (int a = 0; a < nr; a++) {
            double[] src = m[compRows[a]];
            double[] dst = sub[a];
            for (int b = 0; b < nc; b++) {
                double c = src[compCols[b]];
                // Non-positive weights are filler inside a component: cost 0, dropped afterwards.
                dst[b] = maximise ? -Math.max(c, 0) : c;
            }
        }
        hungarian.solve(sub, nr, nc, subToCol);
        int pairs = 0;
        for (int a = 0; a < nr; a++) {
            int b = subToCol[a];
            if (b >= 0 && edge(m[compRows[a]][compCols[b]], maximise)) {
                rowToCol[compRows[a]] = compCols[b];
                pairs++;
            }
        }
        return pairs;
    }

    private static boolean edge(double c, boolean maximise) {
        return maximise ? c > 0 : Hungarian.allowed(c);
    }

    private int find(int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }
}
