package io.crossview.common.assignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseAssignmentTest {

    @Test
    void minCostEqualsDenseHungarianOnSparseProblems() {
        Random rnd = new Random(7);
        SparseAssignment sparse = new SparseAssignment();
        for (int trial = 0; trial < 2000; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = 1 + rnd.nextInt(6);
            double[][] cost = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    cost[i][j] = rnd.nextDouble() < 0.7 ? Double.NaN : rnd.nextDouble();
                }
            }
            int[] out = new int[rows];
            int pairs = sparse.minCost(cost, rows, cols, out);
            double[] best = BruteForce.best(cost);
            assertEquals((int) best[0], pairs, "pairs, trial " + trial);
            assertEquals(best[1], HungarianTest.total(cost, out), 1e-9, "cost, trial " + trial);
            HungarianTest.assertValidMatching(cost, out);
        }
    }

    @Test
    void maxWeightFindsHeaviestMatching() {
        Random rnd = new Random(11);
        SparseAssignment sparse = new SparseAssignment();
        for (int trial = 0; trial < 2000; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = 1 + rnd.nextInt(6);
            double[][] w = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    w[i][j] = rnd.nextDouble() < 0.6 ? 0 : rnd.nextInt(5) + rnd.nextDouble();
                }
            }
            int[] out = new int[rows];
            sparse.maxWeight(w, rows, cols, out);
            double got = 0;
            boolean[] used = new boolean[cols];
            for (int i = 0; i < rows; i++) {
                if (out[i] >= 0) {
                    assertEquals(false, used[out[i]]);
                    used[out[i]] = true;
                    assertEquals(true, w[i][out[i]] > 0, "zero-weight pair assigned");
                    got += w[i][out[i]];
                }
            }
            assertEquals(BruteForce.bestWeight(w), got, 1e-9, "trial " + trial);
        }
    }

    @Test
    void maxWeightPrefersHeavyPairOverMorePairs() {
        // Max weight, not max cardinality: 0.9 beats 0.1 + 0.1.
        double[][] w = {{0.9, 0.1}, {0.1, 0}};
        int[] out = new int[2];
        assertEquals(1, new SparseAssignment().maxWeight(w, 2, 2, out));
        assertArrayEquals(new int[] {0, -1}, out);
    }

    @Test
    void independentComponentsAreSolvedSeparately() {
        // Two blocks that share no allowed pair.
        double n = Double.NaN;
        double[][] cost = {{1, 2, n, n}, {2, 1, n, n}, {n, n, 5, 1}, {n, n, 1, 5}};
        int[] out = new int[4];
        assertEquals(4, new SparseAssignment().minCost(cost, 4, 4, out));
        assertArrayEquals(new int[] {0, 1, 3, 2}, out);
    }
}
