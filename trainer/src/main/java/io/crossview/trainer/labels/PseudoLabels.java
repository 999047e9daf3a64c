package io.crossview.trainer.labels;

/**
 * Cluster Contrast's pseudo-labels: k-reciprocal Jaccard distances between the embeddings, with
 * must-link groups pulled together, clustered by DBSCAN.
 *
 * <p>Recomputed every epoch from the current model's embeddings; the outliers sit that epoch out.
 */
public final class PseudoLabels {
    private PseudoLabels() {
    }

    /**
     * @param k1         neighbours of the k-reciprocal sets (30)
     * @param k2         neighbours of the query expansion, the point included (6)
     * @param eps        DBSCAN radius on the Jaccard distance, which lies in [0, 1] (0.6)
     * @param minSamples points a DBSCAN core point needs within eps, itself included (4)
     */
    public record Settings(int k1, int k2, double eps, int minSamples) {
        public static final Settings DEFAULTS = new Settings(30, 6, 0.6, 4);

        public Settings {
            // The two steps check their own parameters; building them here makes a bad setting fail
            // when it is read, not an epoch later.
            new KReciprocalDistance(k1, k2);
            new Dbscan(eps, minSamples);
        }

        public Settings withEps(double eps) {
            return new Settings(k1, k2, eps, minSamples);
        }

        public Settings withMinSamples(int minSamples) {
            return new Settings(k1, k2, eps, minSamples);
        }

        KReciprocalDistance distance() {
            return new KReciprocalDistance(k1, k2);
        }

        Dbscan dbscan() {
            return new Dbscan(eps, minSamples);
        }
    }

    /** {@link #assign(float[][], int[], Settings)} without must-link groups. */
    public static Clustering assign(float[][] embeddings, Settings settings) {
        return assign(embeddings, null, settings);
    }

    /**
     * Pseudo-labels for the embeddings (n × d, L2-normalised).
     *
     * @param mustLinkGroup null, or each embedding's group (e.g. its track id), −1 for none. Members of
     *                      one group are at distance 0, so a group of at least minSamples is always one
     *                      cluster, and a smaller one joins the cluster of any member that is core
     *                      (a non-core member already claimed by another cluster stays there)
     */
    public static Clustering assign(float[][] embeddings, int[] mustLinkGroup, Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("pseudo-label settings are null; use Settings.DEFAULTS");
        }
        long start = System.nanoTime();
        DistanceMatrix distances = settings.distance().distances(embeddings, mustLinkGroup);
        long clustered = System.nanoTime();
        int[] labels = settings.dbscan().labels(distances);
        long end = System.nanoTime();
        return Clustering.of(labels, clustered - start, end - clustered);
    }
}
