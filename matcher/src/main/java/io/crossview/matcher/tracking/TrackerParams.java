package io.crossview.matcher.tracking;

/**
 * Tuning of the per-camera tracker.
 *
 * @param minIou            least overlap between a predicted track box and a detection to pair them
 * @param appearanceWeight  share of appearance similarity in the pairing score (rest is overlap)
 * @param minAppearance     least cosine similarity for a pairing
 * @param confirmHits       detections a track needs before it is reported (evidence for the linker)
 * @param maxMisses         frames a track may go unseen before it ends
 * @param embeddingMomentum weight of the old track embedding when a new detection arrives
 */
public record TrackerParams(double minIou, double appearanceWeight, double minAppearance,
                            int confirmHits, int maxMisses, double embeddingMomentum) {
    public TrackerParams {
        if (minIou < 0 || minIou >= 1) {
            throw new IllegalArgumentException("minIou must be in [0,1): " + minIou);
        }
        if (appearanceWeight < 0 || appearanceWeight > 1) {
            throw new IllegalArgumentException("appearanceWeight must be in [0,1]: " + appearanceWeight);
        }
        if (confirmHits < 1 || maxMisses < 0) {
            throw new IllegalArgumentException("confirmHits must be >= 1 and maxMisses >= 0");
        }
        if (embeddingMomentum < 0 || embeddingMomentum >= 1) {
            throw new IllegalArgumentException("embeddingMomentum must be in [0,1): " + embeddingMomentum);
        }
    }

    public static TrackerParams defaults() {
        return new TrackerParams(0.2, 0.4, 0.5, 3, 8, 0.8);
    }
}
