package io.crossview.embedder.runtime;

import io.crossview.common.calibration.Logistic;
import io.crossview.common.wire.ModelCalibration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's own P(same person | cosine similarity), as its metadata states it: a curve for a
 * track against its own past and one for a track against another track or identity. The
 * trainer writes it from held-out pairs; the embedder passes it on with every embedding, and the
 * matcher uses it until the stream has shown enough pairs of its own.
 *
 * @param positivePairs the same-person pairs it was fitted on; 0 when not known
 * @param negativePairs the different-people pairs
 */
public record CalibrationMetadata(Logistic sameTrack, Logistic between, long positivePairs, long negativePairs) {
    /** {@code slope,intercept} of P = 1 / (1 + exp(-(slope * s + intercept))). */
    public static final String KEY_SAME_TRACK = "crossview.calibration.same_track";
    public static final String KEY_BETWEEN = "crossview.calibration.between";
    /** {@code positives,negatives}: optional. */
    public static final String KEY_PAIRS = "crossview.calibration.pairs";

    public CalibrationMetadata {
        Objects.requireNonNull(sameTrack, "same-track curve");
        Objects.requireNonNull(between, "between curve");
        // a curve that falls as similarity grows says the model ranks strangers first: no calibration
        if (!(sameTrack.slope() > 0) || !(between.slope() > 0)) {
            throw new IllegalArgumentException("calibration curves must rise with similarity, got slopes "
                    + sameTrack.slope() + " and " + between.slope());
        }
        if (positivePairs < 0 || negativePairs < 0) {
            throw new IllegalArgumentException("pair counts must be >= 0, got " + positivePairs + " and "
                    + negativePairs);
        }
    }

    /**
     * The calibration in a model's metadata; empty when it carries none. Keys that are there but
     * malformed, or one curve without the other, are an IllegalArgumentException naming the key.
     */
    public static Optional<CalibrationMetadata> read(Map<String, String> metadata) {
        boolean same = metadata.containsKey(KEY_SAME_TRACK);
        boolean between = metadata.containsKey(KEY_BETWEEN);
        if (!same && !between && !metadata.containsKey(KEY_PAIRS)) {
            return Optional.empty();
        }
        if (!same || !between) {
            throw new IllegalArgumentException((same ? KEY_BETWEEN : KEY_SAME_TRACK) + " is missing: a calibration"
                    + " needs both " + KEY_SAME_TRACK + " and " + KEY_BETWEEN);
        }
        long[] pairs = metadata.containsKey(KEY_PAIRS) ? pairs(metadata.get(KEY_PAIRS)) : new long[2];
        return Optional.of(new CalibrationMetadata(curve(KEY_SAME_TRACK, metadata.get(KEY_SAME_TRACK)),
                curve(KEY_BETWEEN, metadata.get(KEY_BETWEEN)), pairs[0], pairs[1]));
    }

    /** The metadata entries that {@link #read} reads back. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY_SAME_TRACK, sameTrack.slope() + "," + sameTrack.intercept());
        m.put(KEY_BETWEEN, between.slope() + "," + between.intercept());
        m.put(KEY_PAIRS, positivePairs + "," + negativePairs);
        return m;
    }

    /** As the embeddings carry it. */
    public ModelCalibration toWire() {
        return ModelCalibration.newBuilder()
                .setSameTrackSlope(sameTrack.slope()).setSameTrackIntercept(sameTrack.intercept())
                .setBetweenSlope(between.slope()).setBetweenIntercept(between.intercept())
                .setPositivePairs(positivePairs).setNegativePairs(negativePairs).build();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "calibration: same track P=0.5 at %.3f, between at %.3f (%d/%d pairs)",
                sameTrack.midpoint(), between.midpoint(), positivePairs, negativePairs);
    }

    private static Logistic curve(String key, String value) {
        String[] parts = value.split(",");
        try {
            if (parts.length == 2) {
                double slope = Double.parseDouble(parts[0].trim());
                double intercept = Double.parseDouble(parts[1].trim());
                if (slope > 0 && Double.isFinite(slope) && Double.isFinite(intercept)) {
                    return new Logistic(slope, intercept);
                }
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException(key + " must be 'slope,intercept' (finite numbers, the slope positive),"
                + " got '" + value + "'");
    }

    private static long[] pairs(String value) {
        String[] parts = value.split(",");
        try {
            if (parts.length == 2) {
                long positives = Long.parseLong(parts[0].trim());
                long negatives = Long.parseLong(parts[1].trim());
                if (positives >= 0 && negatives >= 0) {
                    return new long[] {positives, negatives};
                }
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException(KEY_PAIRS + " must be 'positives,negatives' (counts >= 0), got '"
                + value + "'");
    }
}
