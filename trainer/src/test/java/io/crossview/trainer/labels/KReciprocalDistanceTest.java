package io.crossview.trainer.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KReciprocalDistanceTest {
    private static final double TOLERANCE = 1e-5;

    /** 4 blobs of 8 plus 8 loose points in 8-d: neighbourhoods that overlap partly, so every step counts. */
    private static float[][] mixed() {
        SplittableRandom random = new SplittableRandom(11);
        float[][] points = new float[40][];
        float[][] centres = LabelFixtures.randomUnits(4, 8, random);
        for (int i = 0; i < 32; i++) {
            double[] v = new double[8];
            for (int k = 0; k < 8; k++) {
                v[k] = centres[i / 8][k] + 0.5 * (random.nextDouble() - 0.5);
            }
            points[i] = LabelFixtures.unit(v);
        }
        System.arraycopy(LabelFixtures.randomUnits(8, 8, random), 0, points, 32, 8);
        return points;
    }

    @Test
    void distancesAreSymmetricZeroOnTheDiagonalAndWithinZeroAndOne() {
        float[][] d = KReciprocalDistance.DEFAULTS.distances(mixed()).toDense();
        for (int i = 0; i < d.length; i++) {
            assertEquals(0f, d[i][i]);
            for (int j = 0; j < d.length; j++) {
                assertEquals(d[i][j], d[j][i], "symmetric at " + i + ", " + j);
                assertTrue(d[i][j] >= 0 && d[i][j] <= 1, "d[" + i + "][" + j + "] = " + d[i][j]);
            }
        }
    }

    @Test
    void matchesABruteForceOfThePapersSetFormulas() {
        float[][] x = mixed();
        int[][] settings = {{9, 3}, {5, 1}, {20, 6}, {30, 6}, {1, 2}};
        for (int[] s : settings) {
            assertClose(bruteForce(x, s[0], s[1], true), new KReciprocalDistance(s[0], s[1]).distances(x).toDense(),
                    "k1=" + s[0] + " k2=" + s[1]);
        }
    }

    @Test
    void theBruteForceFixtureExercisesTheExpansionAndTheQueryExpansion() {
        // Guards the test above: were the expansion or the query expansion a no-op on this data, the
        // comparison could not notice them missing.
        float[][] x = mixed();
        assertTrue(maxDifference(bruteForce(x, 9, 3, true), bruteForce(x, 9, 3, false)) > 0.01);
        assertTrue(maxDifference(bruteForce(x, 9, 3, true), bruteForce(x, 9, 1, true)) > 0.01);
        // k1 = 9: half is round(4.5) = 4 (to even), not 5.
        assertTrue(maxDifference(bruteForce(x, 9, 3, true), bruteForceWithHalf(x, 9, 5, 3)) > 0.01);
    }

    @Test
    void twoPointsWithoutQueryExpansionAreOneMinusTheirKernelWeight() {
        // R(0) = R(1) = {0, 1}; V(0) = (1, w) / (1 + w) and V(1) = (w, 1) / (1 + w) with w = exp(-d):
        // Σ min / Σ max = 2w / 2 = w.
        float[][] x = {{1, 0}, {0.6f, 0.8f}};
        double w = Math.exp(-(2 - 2 * 0.6));
        assertEquals(1 - w, new KReciprocalDistance(30, 1).distances(x).get(0, 1), TOLERANCE);
        // k2 = 6 is clamped to both points: both rows become the same mean, distance 0.
        assertEquals(0f, KReciprocalDistance.DEFAULTS.distances(x).get(0, 1), TOLERANCE);
    }

    @Test
    void smallInputsClampK1AndK2() {
        assertEquals(1, KReciprocalDistance.DEFAULTS.distances(new float[][] {{1, 0}}).size());
        float[][] three = {{1, 0}, {0, 1}, {0.8f, 0.6f}};
        assertClose(bruteForce(three, 2, 3, true), KReciprocalDistance.DEFAULTS.distances(three).toDense(), "n=3");
    }

    @Test
    void tiesAreBrokenBySmallerIndex() {
        // Ten identical embeddings: every neighbour list is decided by index alone.
        float[][] same = new float[10][];
        for (int i = 0; i < same.length; i++) {
            same[i] = new float[] {0.6f, 0.8f};
        }
        KReciprocalDistance distance = new KReciprocalDistance(3, 2);
        float[][] d = distance.distances(same).toDense();
        assertClose(bruteForce(same, 3, 2, true), d, "identical embeddings");
        assertArrayEquals(d[4], distance.distances(same).toDense()[4]);
    }

    @Test
    void embeddingsNeedNotBeExactlyUnitLength() {
        float[][] x = mixed();
        float[][] scaled = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i].clone();
            for (int k = 0; k < scaled[i].length; k++) {
                scaled[i][k] *= 1 + i % 3;
            }
        }
        assertClose(toDouble(KReciprocalDistance.DEFAULTS.distances(x).toDense()),
                KReciprocalDistance.DEFAULTS.distances(scaled).toDense(), "scaled");
    }

    @Test
    void mustLinkPutsMembersOfAGroupAtZeroAndLeavesEveryOtherPairAlone() {
        float[][] x = mixed();
        int[] group = new int[x.length];
        java.util.Arrays.fill(group, -1);
        group[0] = 7;
        group[20] = 7;
        group[39] = 7;
        group[5] = 1_000_000;
        group[33] = 1_000_000;
        float[][] plain = KReciprocalDistance.DEFAULTS.distances(x).toDense();
        float[][] linked = KReciprocalDistance.DEFAULTS.distances(x, group).toDense();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                boolean together = i != j && group[i] >= 0 && group[i] == group[j];
                assertEquals(together ? 0f : plain[i][j], linked[i][j], "at " + i + ", " + j);
            }
        }
        assertTrue(plain[0][39] > 0.5, "the linked pair was far apart before");
    }

    @Test
    void badParametersAndInputsAreRejectedWithTheirName() {
        assertMessage("k1", () -> new KReciprocalDistance(0, 6));
        assertMessage("k2", () -> new KReciprocalDistance(30, 0));
        KReciprocalDistance distance = KReciprocalDistance.DEFAULTS;
        assertMessage("at least one embedding", () -> distance.distances(new float[0][]));
        assertMessage("embedding 2 has 3 dimensions", () -> distance.distances(new float[][] {{1, 0}, {0, 1}, {1, 0, 0}}));
        assertMessage("cannot be normalised", () -> distance.distances(new float[][] {{1, 0}, {0, 0}}));
        assertMessage("cannot be normalised", () -> distance.distances(new float[][] {{1, 0}, {Float.NaN, 1}}));
        assertMessage("group array has 1 entries for 2", () -> distance.distances(new float[][] {{1, 0}, {0, 1}}, new int[] {3}));
        assertMessage("-1 for none", () -> distance.distances(new float[][] {{1, 0}, {0, 1}}, new int[] {3, -2}));
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
    }

    private static void assertClose(double[][] expected, float[][] actual, String what) {
        double difference = maxDifference(expected, actual);
        assertTrue(difference < TOLERANCE, what + ": off by " + difference);
    }

    private static double[][] toDouble(float[][] m) {
        double[][] d = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            d[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                d[i][j] = m[i][j];
            }
        }
        return d;
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double most = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                most = Math.max(most, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return most;
    }

    private static double maxDifference(double[][] a, float[][] b) {
        double most = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                most = Math.max(most, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return most;
    }

    // ---- Brute force, straight from Zhong et al. 2017 over sets, in double, nothing shared with the code.

    private static double[][] bruteForce(float[][] x, int k1, int k2, boolean expand) {
        int kOne = Math.min(k1, x.length - 1);
        // np.around(k1 / 2) rounds half to even; -1 for no expansion at all.
        return bruteForceWithHalf(x, k1, expand ? (int) Math.rint(kOne / 2.0) : -1, k2);
    }

    private static double[][] bruteForceWithHalf(float[][] x, int k1, int half, int k2) {
        int n = x.length;
        k1 = Math.min(k1, n - 1);
        k2 = Math.min(k2, n);
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = 2 - 2 * cosine(x[i], x[j]);
            }
        }
        List<List<Integer>> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = i;
            List<Integer> byDistance = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                byDistance.add(j);
            }
            // The point itself first, then nearest, ties by index.
            byDistance.sort(Comparator.<Integer>comparingInt(j -> j == p ? 0 : 1)
                    .thenComparingDouble(j -> d[p][j]).thenComparingInt(j -> j));
            order.add(byDistance);
        }
        double[][] v = new double[n][n];
        for (int p = 0; p < n; p++) {
            Set<Integer> r = reciprocal(order, p, k1);
            Set<Integer> expanded = new TreeSet<>(r);
            if (half >= 0) {
                for (int q : r) {
                    Set<Integer> rq = reciprocal(order, q, half);
                    Set<Integer> common = new HashSet<>(rq);
                    common.retainAll(r);
                    if (common.size() > 2.0 / 3.0 * rq.size()) {
                        expanded.addAll(rq);
                    }
                }
            }
            double sum = 0;
            for (int g : expanded) {
                sum += Math.exp(-d[p][g]);
            }
            for (int g : expanded) {
                v[p][g] = Math.exp(-d[p][g]) / sum;
            }
        }
        double[][] vq = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int r = 0; r < k2; r++) {
                for (int g = 0; g < n; g++) {
                    vq[p][g] += v[order.get(p).get(r)][g] / k2;
                }
            }
        }
        double[][] jaccard = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int g = 0; g < n; g++) {
                double min = 0;
                double max = 0;
                for (int c = 0; c < n; c++) {
                    min += Math.min(vq[p][c], vq[g][c]);
                    max += Math.max(vq[p][c], vq[g][c]);
                }
                jaccard[p][g] = 1 - min / max;
            }
        }
        return jaccard;
    }

    /** R(p, k) = { g ∈ N(p, k) : p ∈ N(g, k) }, N(p, k) being p's first k + 1 points. */
    private static Set<Integer> reciprocal(List<List<Integer>> order, int p, int k) {
        Set<Integer> r = new TreeSet<>();
        for (int g : order.get(p).subList(0, k + 1)) {
            if (order.get(g).subList(0, k + 1).contains(p)) {
                r.add(g);
            }
        }
        return r;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += (double) a[k] * b[k];
            aa += (double) a[k] * a[k];
            bb += (double) b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
