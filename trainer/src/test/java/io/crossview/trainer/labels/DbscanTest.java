package io.crossview.trainer.labels;

import static io.crossview.trainer.labels.KReciprocalDistanceTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DbscanTest {
    private static final int N = Dbscan.NOISE;

    /** Points on a line, |a − b| apart. */
    private static DistanceMatrix line(double... positions) {
        float[][] d = new float[positions.length][positions.length];
        for (int i = 0; i < positions.length; i++) {
            for (int j = 0; j < positions.length; j++) {
                d[i][j] = (float) Math.abs(positions[i] - positions[j]);
            }
        }
        return DistanceMatrix.of(d);
    }

    @Test
    void borderPointsJoinTheClusterOfACoreNeighbourButDoNotSpreadIt() {
        // Cores at 0.5, 1 and 1.5 (four points within 1 of each); 0 and 2.5 are borders; 3.5 is within
        // 1 of the border 2.5 only, so it would join if borders spread the cluster; 10 is alone.
        DistanceMatrix d = line(0, 0.5, 1, 1.5, 2.5, 3.5, 10);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, N, N}, new Dbscan(1, 4).labels(d));
    }

    @Test
    void aChainOfCorePointsIsOneCluster() {
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0}, new Dbscan(1, 3).labels(line(0, 1, 2, 3, 4, 5, 6)));
    }

    @Test
    void aBorderPointReachableFromTwoClustersJoinsTheOneGrownFirst() {
        // Point 0 at 2 is within 1 of the cores at 1 and at 3, but has only 3 points in reach itself.
        double[] a = {0, 0.2, 0.4, 0.6, 0.8, 1.0};
        double[] b = {3.0, 3.2, 3.4, 3.6, 3.8, 4.0};
        int[] aFirst = new Dbscan(1, 4).labels(line(concat(new double[] {2}, a, b)));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, aFirst);
        int[] bFirst = new Dbscan(1, 4).labels(line(concat(new double[] {2}, b, a)));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, bFirst);
    }

    @Test
    void clustersAreNumberedByTheirFirstPointNotByTheirFirstCore() {
        // Point 0 is a border of the cluster around 10, whose first core (index 5) comes after the
        // first core of the cluster around 0 (index 1): that cluster is still number 1.
        DistanceMatrix d = line(9, 0, 0.1, 0.2, 0.3, 10, 10.1, 10.2, 10.3);
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 0, 0, 0, 0}, new Dbscan(1, 4).labels(d));
        assertArrayEquals(new Dbscan(1, 4).labels(d), new Dbscan(1, 4).labels(d));
    }

    @Test
    void minSamplesCountsThePointItself() {
        DistanceMatrix three = line(0, 0.1, 0.2, 5, 10, 15);
        assertArrayEquals(new int[] {N, N, N, N, N, N}, new Dbscan(0.5, 4).labels(three));
        assertArrayEquals(new int[] {0, 0, 0, N, N, N}, new Dbscan(0.5, 3).labels(three));
        // With 1 every point is core: no noise, the loners are clusters of one.
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 3}, new Dbscan(0.5, 1).labels(three));
    }

    @Test
    void epsIsInclusiveAtTheFloatDistance() {
        float[][] d = {{0, 0.6f}, {0.6f, 0}};
        assertArrayEquals(new int[] {0, 0}, new Dbscan(0.6, 2).labels(d));
        assertArrayEquals(new int[] {N, N}, new Dbscan(0.59, 2).labels(d));
    }

    @Test
    void anEmptyMatrixHasNoLabels() {
        assertArrayEquals(new int[0], Dbscan.DEFAULTS.labels(new float[0][0]));
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        assertMessage("eps", () -> new Dbscan(0, 4));
        assertMessage("eps", () -> new Dbscan(-0.1, 4));
        assertMessage("eps", () -> new Dbscan(Double.NaN, 4));
        assertMessage("minSamples", () -> new Dbscan(0.6, 0));
    }

    private static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
