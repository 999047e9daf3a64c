package io.crossview.trainer.labels;

import java.util.Arrays;

/**
 * DBSCAN over precomputed distances, with sklearn's conventions: the neighbourhood of a point is
 * every point within {@code eps} inclusive, itself included, and a point is core when its
 * neighbourhood has at least {@code minSamples} points.
 *
 * <p>Clusters grow from the core points in index order; a border point reachable from two clusters
 * joins the one that grows first. The clusters are then renumbered 0, 1, … in the order their first
 * member appears by index, so the labels do not depend on how the search ran. Points in no cluster
 * are labelled {@link #NOISE}.
 *
 * <p>Neighbourhoods are recomputed rather than stored: one pass to find the core points and one
 * while growing, 2n² reads, where storing them could take n² ints when eps is large.
 *
 * @param eps        the neighbourhood radius, 0.6 in Cluster Contrast
 * @param minSamples points a core point's neighbourhood needs, itself included; 4 in Cluster Contrast
 */
public record Dbscan(double eps, int minSamples) {
    public static final int NOISE = -1;
    public static final Dbscan DEFAULTS = new Dbscan(0.6, 4);

    public Dbscan {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps (DBSCAN radius) must be positive, got " + eps);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException(
                    "minSamples (DBSCAN core size, the point itself included) must be at least 1, got " + minSamples);
        }
    }

    /** Label of each point: a cluster 0..C−1, or {@link #NOISE}. */
    public int[] labels(DistanceMatrix distances) {
        int n = distances.size();
        // The distances are floats: compare with eps as a float too, so that a distance stored as
        // 0.6f is within eps = 0.6 although 0.6f is a little more than the double 0.6.
        float radius = (float) eps;
        float[] row = new float[n];
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            distances.row(i, row);
            int count = 0;
            for (float d : row) {
                if (d <= radius) {
                    count++;
                }
            }
            core[i] = count >= minSamples;
        }
        int[] labels = new int[n];
        Arrays.fill(labels, NOISE);
        int[] stack = new int[n];
        int clusters = 0;
        for (int seed = 0; seed < n; seed++) {
            if (!core[seed] || labels[seed] != NOISE) {
                continue;
            }
            int cluster = clusters++;
            labels[seed] = cluster;
            int top = 0;
            stack[top++] = seed;
            while (top > 0) {
                distances.row(stack[--top], row);
                // Only core points spread the cluster; a border point joins it and stops there.
                for (int j = 0; j < n; j++) {
                    if (labels[j] == NOISE && row[j] <= radius) {
                        labels[j] = cluster;
                        if (core[j]) {
                            stack[top++] = j;
                        }
                    }
                }
            }
        }
        return renumberByFirstMember(labels, clusters);
    }

    /** As {@link #labels(DistanceMatrix)} on a dense square, symmetric matrix. */
    public int[] labels(float[][] distances) {
        return labels(DistanceMatrix.of(distances));
    }

    private static int[] renumberByFirstMember(int[] labels, int clusters) {
        int[] renumbered = new int[clusters];
        Arrays.fill(renumbered, NOISE);
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label != NOISE) {
                if (renumbered[label] == NOISE) {
                    renumbered[label] = next++;
                }
                labels[i] = renumbered[label];
            }
        }
        return labels;
    }
}
