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
            throw new IllegalArgumentException("harvest maxPerTrack must be >= 0, got " + maxPerTrack);
        }
        if (minHeight < 0) {
            throw new IllegalArgumentException("harvest minHeight must be >= 0, got " + minHeight);
        }
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("harvest minScore must be in [0,1], got " + minScore);
        }
        if (maxOverlap < 0 || maxOverlap > 1) {
            throw new IllegalArgumentException("harvest maxOverlap must be in [0,1], got " + maxOverlap);
        }
        if (minFrameGap < 0) {
            throw new IllegalArgumentException("harvest minFrameGap must be >= 0, got " + minFrameGap);
        }
        if (maxSimilarity <= -1 || maxSimilarity > 1) {
            throw new IllegalArgumentException("harvest maxSimilarity must be in (-1,1], got " + maxSimilarity);
        }
        if (edgeMargin < 0) {
            throw new IllegalArgumentException("harvest edgeMargin must be >= 0, got " + edgeMargin);
        }
    }

    public static HarvestPolicy defaults() {
        return new HarvestPolicy(8, 48, 0.5, 0.1, 10, 0.98, 2);
    }
}
