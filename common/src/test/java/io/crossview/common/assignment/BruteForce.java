package io.crossview.common.assignment;

/** Exhaustive search over every partial matching, for checking solvers on tiny problems. */
final class BruteForce {
    private BruteForce() {
    }

    /** {most allowed pairs, least cost among those} over all matchings of {@code cost}. */
    static double[] best(double[][] cost) {
        double[] best = {0, 0};
        search(cost, 0, new boolean[cost.length == 0 ? 0 : cost[0].length], 0, 0, best);
        return best;
    }

    /** The largest total weight of any matching that uses only pairs of positive weight. */
    static double bestWeight(double[][] weight) {
        double[][] cost = new double[weight.length][];
        for (int i = 0; i < weight.length; i++) {
            cost[i] = new double[weight[i].length];
            for (int j = 0; j < weight[i].length; j++) {
                cost[i][j] = weight[i][j] > 0 ? -weight[i][j] : Double.NaN;
            }
        }
        return -bestCostAnySize(cost, 0, new boolean[cost.length == 0 ? 0 : cost[0].length]);
    }

    private static void search(double[][] cost, int row, boolean[] used, int pairs, double sum, double[] best) {
        if (row == cost.length) {
            if (pairs > best[0] || (pairs == best[0] && sum < best[1])) {
                best[0] = pairs;
                best[1] = sum;
            }
            return;
        }
        search(cost, row + 1, used, pairs, sum, best);
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && Hungarian.allowed(cost[row][j])) {
                used[j] = true;
                search(cost, row + 1, used, pairs + 1, sum + cost[row][j], best);
                used[j] = false;
            }
        }
    }

    private static double bestCostAnySize(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = bestCostAnySize(cost, row + 1, used);
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && Hungarian.allowed(cost[row][j])) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bestCostAnySize(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
