package io.crossview.matcher.harvest;

/**
 * Which detections of a track are good enough to become training crops.
 *
 * @param maxPerTrack   crops picked from one track at most; 0 harvests nothing
 * @param minHeight     least box height in pixels: smaller crops are mostly resampling blur
 * @param minScore      least detector score
 * @param maxOverlap    most share of the box that another box of the same frame may cover: an
 *                      occluded crop shows part of someone else under this track's label
 * @param minFrameGap   least frames between two picks of one track
 * @param maxSimilarity most cosine between a crop's embedding and the last picked one's: only
 *                      crops that add something new to the training set
 * @param edgeMargin    least distance in pixels between the box and the frame border: a box the
 *                      border cuts shows half a person
 */
public record HarvestPolicy(int maxPerTrack, double minHeight, double minScore, double maxOverlap, int minFrameGap,
                            double maxSimilarity, double edgeMargin) {
    public HarvestPolicy {
        if (maxPerTrack < 0) {
            throw new IllegalArgumentException("harvest max_per_track must be >= 0, got " + maxPerTrack);
        }
        if (minHeight < 0) {
            throw new IllegalArgumentException("harvest min_height must be >= 0, got " + minHeight);
        }
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("harvest min_score must be in [0,1], got " + minScore);
        }
        if (maxOverlap < 0 || maxOverlap > 1) {
            throw new IllegalArgumentException("harvest max_overlap must be in [0,1], got " + maxOverlap);
        }
        if (minFrameGap < 0) {
            throw new IllegalArgumentException("harvest min_frame_gap must be >= 0, got " + minFrameGap);
        }
        if (maxSimilarity <= -1 || maxSimilarity > 1) {
            throw new IllegalArgumentException("harvest max_similarity must be in (-1,1], got " + maxSimilarity);
        }
        if (edgeMargin < 0) {
            throw new IllegalArgumentException("harvest edge_margin must be >= 0, got " + edgeMargin);
        }
    }

    public static HarvestPolicy defaults() {
        return new HarvestPolicy(8, 48, 0.5, 0.1, 10, 0.98, 2);
    }

    /** From a config file's {@code tracker: harvest:} section: what it leaves out keeps its default. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static HarvestPolicy fromConfig(@com.fasterxml.jackson.annotation.JsonProperty("max_per_track") Integer maxPerTrack,
                                           @com.fasterxml.jackson.annotation.JsonProperty("min_height") Double minHeight,
                                           @com.fasterxml.jackson.annotation.JsonProperty("min_score") Double minScore,
                                           @com.fasterxml.jackson.annotation.JsonProperty("max_overlap") Double maxOverlap,
                                           @com.fasterxml.jackson.annotation.JsonProperty("min_frame_gap") Integer minFrameGap,
                                           @com.fasterxml.jackson.annotation.JsonProperty("max_similarity") Double maxSimilarity,
                                           @com.fasterxml.jackson.annotation.JsonProperty("edge_margin") Double edgeMargin) {
        HarvestPolicy d = defaults();
        return new HarvestPolicy(java.util.Objects.requireNonNullElse(maxPerTrack, d.maxPerTrack),
                java.util.Objects.requireNonNullElse(minHeight, d.minHeight),
                java.util.Objects.requireNonNullElse(minScore, d.minScore),
                java.util.Objects.requireNonNullElse(maxOverlap, d.maxOverlap),
                java.util.Objects.requireNonNullElse(minFrameGap, d.minFrameGap),
                java.util.Objects.requireNonNullElse(maxSimilarity, d.maxSimilarity),
                java.util.Objects.requireNonNullElse(edgeMargin, d.edgeMargin));
    }
}
