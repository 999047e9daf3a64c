package io.crossview.trainer.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Synthetic embeddings: Gaussian blobs of unit vectors, and points that belong to no blob. */
final class LabelFixtures {
    static final int DIM = 32;
    /** Blob centres live in the first dimensions; the rest are kept for points far from every blob. */
    static final int CENTRE_DIMS = 24;
    /** Noise per blob member, relative to its unit centre: members are at cos ≈ 0.96 to the centre. */
    static final double SPREAD = 0.3;

    private LabelFixtures() {
    }

    /** {@code count} random unit centres in the first {@link #CENTRE_DIMS} dimensions. */
    static double[][] centres(int count, SplittableRandom random) {
        double[][] centres = new double[count][DIM];
        for (double[] centre : centres) {
            for (int k = 0; k < CENTRE_DIMS; k++) {
                centre[k] = gaussian(random);
            }
            normalise(centre);
        }
        return centres;
    }

    /** A unit centre at {@code offset} from {@code centre} along a random direction orthogonal to it. */
    static double[] near(double[] centre, double offset, SplittableRandom random) {
        double[] direction = new double[DIM];
        for (int k = 0; k < CENTRE_DIMS; k++) {
            direction[k] = gaussian(random);
        }
        double along = dot(direction, centre);
        for (int k = 0; k < DIM; k++) {
            direction[k] -= along * centre[k];
        }
        normalise(direction);
        double[] moved = new double[DIM];
        for (int k = 0; k < DIM; k++) {
            moved[k] = centre[k] + offset * direction[k];
        }
        normalise(moved);
        return moved;
    }

    /** {@code perBlob} unit members around each centre, blob by blob. */
    static float[][] blobs(double[][] centres, int perBlob, SplittableRandom random) {
        float[][] members = new float[centres.length * perBlob][];
        for (int b = 0; b < centres.length; b++) {
            for (int m = 0; m < perBlob; m++) {
                double[] v = new double[DIM];
                for (int k = 0; k < DIM; k++) {
                    v[k] = centres[b][k] + SPREAD * gaussian(random) / Math.sqrt(DIM);
                }
                members[b * perBlob + m] = unit(v);
            }
        }
        return members;
    }

    /**
     * The q-th basis vector past the centres' dimensions: at cos 0 from every centre and from each
     * other, its nearest points are the blob members whose noise happens to lean its way, a few from
     * each blob, so no blob's neighbourhoods agree with it.
     */
    static float[] scattered(int q) {
        float[] v = new float[DIM];
        v[CENTRE_DIMS + q] = 1f;
        return v;
    }

    static float[][] concat(float[][] a, float[]... b) {
        float[][] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Blob b of perBlob members is indices b·perBlob … (b + 1)·perBlob − 1. */
    static int[] blobTruth(int blobs, int perBlob) {
        int[] truth = new int[blobs * perBlob];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i / perBlob;
        }
        return truth;
    }

    /**
     * Every true group is one cluster (no outliers in it) and no two groups share one: the labels
     * agree with the truth up to renaming, on the first {@code truth.length} points.
     */
    static void assertRecovers(int[] truth, int[] labels) {
        Map<Integer, Integer> clusterOfGroup = new HashMap<>();
        Map<Integer, Integer> groupOfCluster = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            assertNotEquals(Dbscan.NOISE, labels[i], "point " + i + " of group " + truth[i] + " is an outlier");
            Integer cluster = clusterOfGroup.putIfAbsent(truth[i], labels[i]);
            assertEquals(cluster == null ? labels[i] : cluster, labels[i], "group " + truth[i] + " is split");
            Integer group = groupOfCluster.putIfAbsent(labels[i], truth[i]);
            assertEquals(group == null ? truth[i] : group, truth[i],
                    "groups " + group + " and " + truth[i] + " are merged into cluster " + labels[i]);
        }
    }

    static float[] unit(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] unit = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            unit[k] = (float) (v[k] / norm);
        }
        return unit;
    }

    /** Random unit vectors, for tests that need no structure. */
    static float[][] randomUnits(int n, int dim, SplittableRandom random) {
        float[][] units = new float[n][];
        for (int i = 0; i < n; i++) {
            double[] v = new double[dim];
            for (int k = 0; k < dim; k++) {
                v[k] = gaussian(random);
            }
            units[i] = unit(v);
        }
        return units;
    }

    private static void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int k = 0; k < v.length; k++) {
            v[k] /= norm;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    // Box-Muller by hand: the fixtures' numbers are then fixed by this file, whatever algorithm a
    // JDK's nextGaussian uses.
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
