package io.crossview.common.assignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void solvesTextbookSquareProblem() {
        // Optimum 1 + 2 + 2 = 5: row 0 -> col 1, row 1 -> col 0, row 2 -> col 2.
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertArrayEquals(new int[] {1, 0, 2}, Hungarian.assign(cost));
    }

    @Test
    void wideMatrixLeavesColumnsFree() {
        double[][] cost = {{9, 1, 9, 9}, {9, 9, 9, 2}};
        assertArrayEquals(new int[] {1, 3}, Hungarian.assign(cost));
    }

    @Test
    void tallMatrixLeavesRowsUnassigned() {
        double[][] cost = {{5}, {1}, {3}};
        assertArrayEquals(new int[] {-1, 0, -1}, Hungarian.assign(cost));
    }

    @Test
    void forbiddenPairsAreNeverAssigned() {
        double[][] cost = {{NAN, 1}, {INF, NAN}};
        assertArrayEquals(new int[] {1, -1}, Hungarian.assign(cost));
        assertArrayEquals(new int[] {-1, -1}, Hungarian.assign(new double[][] {{NAN, INF}, {INF, NAN}}));
    }

    @Test
    void prefersMorePairsOverLowerCost() {
        // One pair (0,0) costs 0.1; two pairs (0,1)+(1,0) cost 1.8 but match both rows: that wins,
        // as in py-motmetrics, where NaN pairs get a prohibitive finite cost.
        double[][] cost = {{0.1, 0.9}, {0.9, NAN}};
        assertArrayEquals(new int[] {1, 0}, Hungarian.assign(cost));
    }

    @Test
    void amongEqualCardinalityTakesCheapestRows() {
        // Two rows compete for one column: the cheaper one gets it, whatever the row order.
        assertArrayEquals(new int[] {-1, 0}, Hungarian.assign(new double[][] {{10, NAN}, {1, NAN}}));
        assertArrayEquals(new int[] {0, -1}, Hungarian.assign(new double[][] {{1, NAN}, {10, NAN}}));
    }

    @Test
    void handlesNegativeCostsAndEmptyInput() {
        assertArrayEquals(new int[] {1, 0}, Hungarian.assign(new double[][] {{-1, -5}, {-4, -1}}));
        assertArrayEquals(new int[0], Hungarian.assign(new double[0][0]));
        assertArrayEquals(new int[] {-1, -1}, Hungarian.assign(new double[2][0]));
    }

    @Test
    void rejectsMinusInfinity() {
        assertThrows(IllegalArgumentException.class,
                () -> Hungarian.assign(new double[][] {{Double.NEGATIVE_INFINITY}}));
    }

    @Test
    void solvesTopLeftBlockOfAReusedBuffer() {
        Hungarian h = new Hungarian();
        double[][] buf = {{1, 9, 0}, {9, 1, 0}, {0, 0, 0}};
        int[] out = new int[3];
        assertEquals(2, h.solve(buf, 2, 2, out));
        assertArrayEquals(new int[] {0, 1}, Arrays.copyOf(out, 2));
        // A bigger problem on the same instance, then a smaller one again.
        assertEquals(3, h.solve(new double[][] {{0, 1, 2}, {1, 0, 2}, {2, 1, 0}}, 3, 3, out));
        assertArrayEquals(new int[] {0, 1, 2}, out);
        assertEquals(1, h.solve(new double[][] {{3}}, 1, 1, out));
        assertEquals(0, out[0]);
    }

    @Test
    void matchesBruteForceOnRandomRectangularProblemsWithForbiddenPairs() {
        Random rnd = new Random(42);
        Hungarian h = new Hungarian();
        for (int trial = 0; trial < 3000; trial++) {
            int rows = 1 + rnd.nextInt(5);
            int cols = 1 + rnd.nextInt(5);
            double forbidShare = trial % 3 == 0 ? 0 : rnd.nextDouble() * 0.7;
            double[][] cost = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double r = rnd.nextDouble();
                    // Integer costs in a small range make ties common; negatives are allowed too.
                    cost[i][j] = r < forbidShare ? (rnd.nextBoolean() ? NAN : INF)
                            : trial % 2 == 0 ? rnd.nextInt(7) - 2 : rnd.nextDouble() * 10;
                }
            }
            int[] out = new int[rows];
            int pairs = h.solve(cost, rows, cols, out);
            double[] best = BruteForce.best(cost);
            assertEquals((int) best[0], pairs, "pairs, trial " + trial);
            assertEquals(best[1], total(cost, out), 1e-9, "cost, trial " + trial);
            assertValidMatching(cost, out);
        }
    }

    static double total(double[][] cost, int[] rowToCol) {
        double sum = 0;
        for (int i = 0; i < cost.length; i++) {
            if (rowToCol[i] >= 0) {
                sum += cost[i][rowToCol[i]];
            }
        }
        return sum;
    }

    static void assertValidMatching(double[][] cost, int[] rowToCol) {
        boolean[] usedCol = new boolean[cost.length == 0 ? 0 : cost[0].length];
        for (int i = 0; i < cost.length; i++) {
            int j = rowToCol[i];
            if (j >= 0) {
                assertEquals(false, usedCol[j], "column used twice");
                usedCol[j] = true;
                assertEquals(true, Hungarian.allowed(cost[i][j]), "forbidden pair assigned");
            }
        }
    }
}
