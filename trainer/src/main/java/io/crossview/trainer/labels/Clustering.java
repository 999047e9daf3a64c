package io.crossview.trainer.labels;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The pseudo-labels of one epoch: a cluster per embedding, or {@link Dbscan#NOISE} for the outliers
 * that Cluster Contrast leaves out of that epoch's training.
 *
 * <p>The labels are copied in and out so a clustering cannot change after it was made; the counts
 * are derived from them. Equality is by labels only, not by how long they took.
 *
 * @param labels        cluster 0..clusters−1 of embedding i, or −1
 * @param clusters      distinct clusters, each used by some embedding
 * @param outliers      embeddings labelled −1
 * @param distanceNanos wall time of the k-reciprocal distances
 * @param clusterNanos  wall time of DBSCAN
 */
public record Clustering(int[] labels, int clusters, int outliers, long distanceNanos, long clusterNanos) {
    public Clustering {
        labels = labels.clone();
        int most = -1;
        int noise = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < Dbscan.NOISE) {
                throw new IllegalArgumentException("label of embedding " + i + " is " + labels[i]);
            }
            most = Math.max(most, labels[i]);
            noise += labels[i] == Dbscan.NOISE ? 1 : 0;
        }
        if (clusters != most + 1 || outliers != noise) {
            throw new IllegalArgumentException("labels have " + (most + 1) + " clusters and " + noise
                    + " outliers, not " + clusters + " and " + outliers);
        }
        boolean[] used = new boolean[most + 1];
        for (int label : labels) {
            if (label != Dbscan.NOISE) {
                used[label] = true;
            }
        }
        for (int c = 0; c <= most; c++) {
            if (!used[c]) {
                throw new IllegalArgumentException("cluster " + c + " of 0.." + most + " has no embedding");
            }
        }
        if (distanceNanos < 0 || clusterNanos < 0) {
            throw new IllegalArgumentException(
                    "timings must not be negative, got " + distanceNanos + " and " + clusterNanos);
        }
    }

    /** Counts the clusters and outliers of the labels. */
    public static Clustering of(int[] labels, long distanceNanos, long clusterNanos) {
        int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
        int outliers = (int) Arrays.stream(labels).filter(label -> label == Dbscan.NOISE).count();
        return new Clustering(labels, Math.max(clusters, 0), outliers, distanceNanos, clusterNanos);
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Embeddings labelled, outliers included. */
    public int size() {
        return labels.length;
    }

    public int label(int embedding) {
        return labels[embedding];
    }

    /** The embeddings that are in a cluster, ascending: the ones an epoch trains on. */
    public int[] clustered() {
        return IntStream.range(0, labels.length).filter(i -> labels[i] != Dbscan.NOISE).toArray();
    }

    /** Embeddings per cluster, indexed by cluster. */
    public int[] clusterSizes() {
        int[] sizes = new int[clusters];
        for (int label : labels) {
            if (label != Dbscan.NOISE) {
                sizes[label]++;
            }
        }
        return sizes;
    }

    /** For progress lines: "42 clusters, 17 outliers of 600". */
    public String summary() {
        return clusters + (clusters == 1 ? " cluster, " : " clusters, ") + outliers
                + (outliers == 1 ? " outlier of " : " outliers of ") + labels.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Clustering clustering && Arrays.equals(labels, clustering.labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return summary();
    }
}
