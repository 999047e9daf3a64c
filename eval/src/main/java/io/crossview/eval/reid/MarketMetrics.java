package io.crossview.eval.reid;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * CMC and mAP under the Market-1501 protocol, computed as torchreid's {@code eval_market1501}
 * (torchreid/metrics/rank.py) does.
 *
 * <p>Per query: rank the gallery by ascending distance; drop the items with the query's identity
 * <em>and</em> camera (finding yourself in the same camera is too easy); a query with no true
 * match left is skipped. CMC at rank k is 1 from the first true match on; AP is the mean, over
 * the true matches, of the precision at each one (not interpolated, unlike the trapezoid rule of
 * Market-1501's MATLAB {@code compute_AP}). Both are averaged over the queries not skipped.
 *
 * <p>Equal distances are ranked in gallery order, so results never depend on the sort; numpy's
 * default argsort leaves their order to its quicksort.
 */
public final class MarketMetrics {
    /** torchreid's default {@code max_rank}; the curve is defined for any k, this is how much is kept. */
    public static final int MAX_RANK = 50;

    private MarketMetrics() {
    }

    /**
     * The scores of a query x gallery distance matrix (rows are queries). Computes rows lazily
     * through {@code distanceRow}, so a Market-sized matrix (3,368 x 19,732) never sits in memory
     * at once; rows are asked for in parallel, so the function must be thread-safe.
     */
    public static Scores compute(int queries, IntFunction<float[]> distanceRow, int[] queryIds, int[] queryCameras,
                                 int[] galleryIds, int[] galleryCameras) {
        if (queryIds.length != queries || queryCameras.length != queries) {
            throw new IllegalArgumentException("need an identity and a camera for each of " + queries + " queries, got "
                    + queryIds.length + " and " + queryCameras.length);
        }
        if (galleryIds.length != galleryCameras.length || galleryIds.length == 0) {
            throw new IllegalArgumentException("need a non-empty gallery with an identity and camera per item, got "
                    + galleryIds.length + " and " + galleryCameras.length);
        }
        Outcome[] outcomes = IntStream.range(0, queries).parallel()
                .mapToObj(q -> rank(distanceRow.apply(q), queryIds[q], queryCameras[q], galleryIds, galleryCameras))
                .toArray(Outcome[]::new);
        // summed in query order, so the result is the same whatever the thread count
        int[] firstMatches = new int[MAX_RANK];
        double apSum = 0;
        int evaluated = 0;
        for (Outcome o : outcomes) {
            if (o == null) {
                continue;
            }
            evaluated++;
            apSum += o.averagePrecision;
            if (o.firstMatch < MAX_RANK) {
                firstMatches[o.firstMatch]++;
            }
        }
        if (evaluated == 0) {
            throw new IllegalArgumentException("none of the " + queries + " queries has a true match in the gallery "
                    + "from another camera: CMC and mAP are undefined");
        }
        double[] cmc = new double[MAX_RANK];
        int cumulative = 0;
        for (int k = 0; k < MAX_RANK; k++) {
            cumulative += firstMatches[k];
            cmc[k] = (double) cumulative / evaluated;
        }
        return new Scores(cmc, apSum / evaluated, evaluated, queries - evaluated);
    }

    /** The scores of a whole distance matrix held in memory: rows are queries, columns gallery items. */
    public static Scores compute(float[][] distances, int[] queryIds, int[] queryCameras, int[] galleryIds,
                                 int[] galleryCameras) {
        return compute(distances.length, q -> distances[q], queryIds, queryCameras, galleryIds, galleryCameras);
    }

    /** One query's first true match (0-based, among kept items) and AP; null when it has no true match. */
    static Outcome rank(float[] distances, int id, int camera, int[] galleryIds, int[] galleryCameras) {
        if (distances.length != galleryIds.length) {
            throw new IllegalArgumentException("a distance row has " + distances.length + " values for "
                    + galleryIds.length + " gallery items");
        }
        // a primitive sort of (distance, index) keys: fast on big galleries, ties by gallery order
        long[] keys = new long[distances.length];
        for (int j = 0; j < keys.length; j++) {
            keys[j] = ((long) sortable(distances[j]) << 32) | j;
        }
        Arrays.sort(keys);
        int kept = 0;
        int hits = 0;
        int first = -1;
        double precisionSum = 0;
        for (long key : keys) {
            int j = (int) (key & 0xFFFF_FFFFL);
            if (galleryIds[j] == id && galleryCameras[j] == camera) {
                continue;
            }
            kept++;
            if (galleryIds[j] == id) {
                hits++;
                if (first < 0) {
                    first = kept - 1;
                }
                precisionSum += (double) hits / kept;
            }
        }
        return hits == 0 ? null : new Outcome(first, precisionSum / hits);
    }

    /** An int that orders as the float does (negatives included), for packing into a sort key. */
    private static int sortable(float d) {
        if (Float.isNaN(d)) {
            throw new IllegalArgumentException("a distance is NaN: the model produced a broken embedding");
        }
        int bits = Float.floatToIntBits(d + 0.0f); // + 0.0f turns -0.0 into 0.0
        return bits < 0 ? bits ^ 0x7FFF_FFFF : bits;
    }

    record Outcome(int firstMatch, double averagePrecision) {
    }

    /**
     * CMC and mAP as fractions in [0, 1], and how many queries they average over.
     *
     * @param cmc {@code cmc[k - 1]} is rank-k accuracy, for k up to {@link #MAX_RANK}
     */
    public record Scores(double[] cmc, double mAP, int evaluated, int skipped) {
        public Scores {
            cmc = cmc.clone();
        }

        /** Rank-k accuracy: the share of evaluated queries whose first true match is in the top k. */
        public double rank(int k) {
            if (k < 1 || k > cmc.length) {
                throw new IllegalArgumentException("rank must be 1.." + cmc.length + ", got " + k);
            }
            return cmc[k - 1];
        }

        @Override
        public double[] cmc() {
            return cmc.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scores s && Arrays.equals(s.cmc, cmc) && s.mAP == mAP && s.evaluated == evaluated
                    && s.skipped == skipped;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cmc) * 31 + Double.hashCode(mAP) + 7 * evaluated + skipped;
        }

        @Override
        public String toString() {
            return "Scores[rank1=" + cmc[0] + ", mAP=" + mAP + ", evaluated=" + evaluated + ", skipped=" + skipped + "]";
        }
    }
}
