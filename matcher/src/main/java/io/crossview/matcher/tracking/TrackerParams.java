package io.crossview.matcher.tracking;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.matcher.harvest.HarvestPolicy;

/**
 * Tuning of the per-camera tracker.
 *
 * @param minIou               least overlap between a predicted track box and a detection to pair them
 * @param appearanceWeight     share of appearance in the pairing cost, as 1 - calibrated P(same track)
 *                             (the rest is 1 - IoU)
 * @param minAppearance        least calibrated P(same track) for a pairing of a detection with appearance
 * @param confirmHits          detections a track needs before it is reported (evidence for the linker)
 * @param maxMisses            frames a lost track is kept for re-activation before it ends
 * @param embeddingMomentum    weight of the old track embedding when a new detection arrives
 * @param highScore            detections at or above this score are matched first and may start tracks
 * @param lowScore             detections below it are ignored; those between only continue tracks (ByteTrack)
 * @param reactivateAppearance calibrated P(same track) at which a lost track takes a detection without
 *                             any overlap
 * @param coastFrames          missed frames during which a confirmed track is still reported where its
 *                             motion model puts it (0: only frames with a detection are reported)
 * @param harvest              which detections of confirmed tracks become training crops
 */
public record TrackerParams(double minIou, double appearanceWeight, double minAppearance,
                            int confirmHits, int maxMisses, double embeddingMomentum,
                            double highScore, double lowScore, double reactivateAppearance,
                            int coastFrames, HarvestPolicy harvest) {
    public TrackerParams {
        harvest = harvest == null ? HarvestPolicy.defaults() : harvest;
        if (minIou < 0 || minIou >= 1) {
            throw new IllegalArgumentException("tracker min_iou must be in [0,1): " + minIou);
        }
        if (appearanceWeight < 0 || appearanceWeight > 1) {
            throw new IllegalArgumentException("tracker appearance_weight must be in [0,1]: " + appearanceWeight);
        }
        if (coastFrames < 0 || coastFrames > maxMisses) {
            throw new IllegalArgumentException("tracker coast_frames must be in [0, max_misses]: " + coastFrames);
        }
        if (confirmHits < 1 || maxMisses < 0) {
            throw new IllegalArgumentException("tracker confirm_hits must be >= 1 and max_misses >= 0");
        }
        if (embeddingMomentum < 0 || embeddingMomentum >= 1) {
            throw new IllegalArgumentException("tracker embedding_momentum must be in [0,1): " + embeddingMomentum);
        }
        if (!(minAppearance >= 0 && minAppearance <= 1 && reactivateAppearance >= 0 && reactivateAppearance <= 1)) {
            throw new IllegalArgumentException("tracker min_appearance and reactivate_appearance are probabilities in [0,1]");
        }
        if (lowScore > highScore) {
            throw new IllegalArgumentException("tracker low_score must not exceed high_score");
        }
    }

    /** Nine-parameter form of earlier versions: no coasting, harvesting at its defaults. */
    public TrackerParams(double minIou, double appearanceWeight, double minAppearance, int confirmHits, int maxMisses,
                         double embeddingMomentum, double highScore, double lowScore, double reactivateAppearance) {
        this(minIou, appearanceWeight, minAppearance, confirmHits, maxMisses, embeddingMomentum, highScore, lowScore,
                reactivateAppearance, 0, HarvestPolicy.defaults());
    }

    /** Six-parameter form of earlier versions: ByteTrack thresholds and re-activation at their defaults. */
    public TrackerParams(double minIou, double appearanceWeight, double minAppearance, int confirmHits, int maxMisses,
                         double embeddingMomentum) {
        this(minIou, appearanceWeight, minAppearance, confirmHits, maxMisses, embeddingMomentum, 0.5, 0.1, 0.5);
    }

    public static TrackerParams defaults() {
        // probabilities from the tracker's own calibration; under the default curve they are the
        // former cosines: re-activation by appearance alone at 0.93 (above the linker's 0.90,
        // as 27 % of different-person pairs of the built-in model pass 0.85), and a pairing
        // with appearance refused only below ~0.6
        return new TrackerParams(0.2, 0.4, 1e-6, 3, 8, 0.8, 0.5, 0.1, 0.5, 0, HarvestPolicy.defaults());
    }

    /** From a config file's {@code tracker:} section: what it leaves out keeps its default. */
    @JsonCreator
    public static TrackerParams fromConfig(@JsonProperty("min_iou") Double minIou,
                                           @JsonProperty("appearance_weight") Double appearanceWeight,
                                           @JsonProperty("min_appearance") Double minAppearance,
                                           @JsonProperty("confirm_hits") Integer confirmHits,
                                           @JsonProperty("max_misses") Integer maxMisses,
                                           @JsonProperty("embedding_momentum") Double embeddingMomentum,
                                           @JsonProperty("high_score") Double highScore,
                                           @JsonProperty("low_score") Double lowScore,
                                           @JsonProperty("reactivate_appearance") Double reactivateAppearance,
                                           @JsonProperty("coast_frames") Integer coastFrames,
                                           @JsonProperty("harvest") HarvestPolicy harvest) {
        TrackerParams d = defaults();
        return new TrackerParams(requireNonNullElse(minIou, d.minIou), requireNonNullElse(appearanceWeight, d.appearanceWeight),
                requireNonNullElse(minAppearance, d.minAppearance), requireNonNullElse(confirmHits, d.confirmHits), requireNonNullElse(maxMisses, d.maxMisses),
                requireNonNullElse(embeddingMomentum, d.embeddingMomentum), requireNonNullElse(highScore, d.highScore), requireNonNullElse(lowScore, d.lowScore),
                requireNonNullElse(reactivateAppearance, d.reactivateAppearance), requireNonNullElse(coastFrames, d.coastFrames),
                requireNonNullElse(harvest, d.harvest));
    }


    public TrackerParams withHarvest(HarvestPolicy policy) {
        return new TrackerParams(minIou, appearanceWeight, minAppearance, confirmHits, maxMisses, embeddingMomentum,
                highScore, lowScore, reactivateAppearance, coastFrames, policy);
    }
}
