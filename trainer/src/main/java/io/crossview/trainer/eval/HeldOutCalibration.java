package io.crossview.trainer.eval;

import io.crossview.common.calibration.Logistic;
import io.crossview.common.calibration.LogisticFit;
import io.crossview.common.calibration.SimilarityBins;
import io.crossview.embedder.runtime.CalibrationMetadata;
import java.util.List;
import java.util.Optional;

/**
 * A model's P(same person | cosine similarity) fitted on the held-out identities, for its
 * metadata: the matcher's prior until its stream has shown enough pairs of its own. Every pair of
 * held-out crops counts: the same identity is a positive, two identities a negative. The
 * matcher asks two questions, so there are two curves, each with the negatives against the
 * positives that resemble what it is asked about:
 * <ul>
 * <li><b>same track</b> (a track against its own past): pairs of one track; too few, then pairs of
 *     one camera; too few, then all positives;
 * <li><b>between</b> (a track against another sighting): pairs across cameras; too few, then pairs
 *     of different tracks; too few, then all positives.
 * </ul>
 * Both are balanced fits ({@link LogisticFit}) on the matcher's own bins, as its stream fit is.
 */
public final class HeldOutCalibration {
    /** Positive and negative pairs needed before a curve is worth writing; below, the model carries none. */
    public static final int MIN_PAIRS = 10;

    private HeldOutCalibration() {
    }

    /**
     * The calibration of L2-normalised embeddings of the crops ({@code embeddings[i]} of
     * {@code crops.get(i)}); empty when the pairs are too few or the model does not rank the
     * positives above the negatives.
     */
    public static Optional<CalibrationMetadata> fit(List<HeldOutCrop> crops, float[][] embeddings) {
        if (crops.size() != embeddings.length) {
            throw new IllegalArgumentException(crops.size() + " crops but " + embeddings.length + " embeddings");
        }
        Histograms h = new Histograms();
        for (int i = 0; i < crops.size(); i++) {
            for (int j = i + 1; j < crops.size(); j++) {
                h.add(crops.get(i), crops.get(j), dot(embeddings[i], embeddings[j]));
            }
        }
        long positives = SimilarityBins.total(h.all);
        long negatives = SimilarityBins.total(h.negatives);
        if (positives < MIN_PAIRS || negatives < MIN_PAIRS) {
            return Optional.empty();
        }
        double[] samePositives = first(h.sameTrack, h.sameCamera, h.all);
        double[] betweenPositives = first(h.crossCamera, h.otherTrack, h.all);
        Logistic sameTrack = LogisticFit.balanced(samePositives, h.negatives);
        Logistic between = LogisticFit.balanced(betweenPositives, h.negatives);
        if (!ranks(sameTrack, samePositives, h.negatives) || !ranks(between, betweenPositives, h.negatives)) {
            return Optional.empty();
        }
        return Optional.of(new CalibrationMetadata(sameTrack, between, positives, negatives));
    }

    /** Similarities of every pair, binned by what the pair is. */
    private static final class Histograms {
        final double[] sameTrack = new double[SimilarityBins.BINS];
        final double[] sameCamera = new double[SimilarityBins.BINS];
        final double[] crossCamera = new double[SimilarityBins.BINS];
        final double[] otherTrack = new double[SimilarityBins.BINS];
        final double[] all = new double[SimilarityBins.BINS];
        final double[] negatives = new double[SimilarityBins.BINS];

        void add(HeldOutCrop a, HeldOutCrop b, double similarity) {
            int bin = SimilarityBins.of(similarity);
            if (!a.label().equals(b.label())) {
                negatives[bin]++;
                return;
            }
            all[bin]++;
            boolean oneCamera = a.camera().equals(b.camera());
            boolean oneTrack = oneCamera && a.track() == b.track();
            if (oneCamera) {
                sameCamera[bin]++;
            } else {
                crossCamera[bin]++;
            }
            if (oneTrack) {
                sameTrack[bin]++;
            } else {
                otherTrack[bin]++;
            }
        }
    }

    /** Whether the curve rises and says 0.5 between the negatives' mean and the positives'. */
    private static boolean ranks(Logistic curve, double[] positives, double[] negatives) {
        double mid = curve.midpoint();
        return curve.slope() > 0 && mid > SimilarityBins.mean(negatives) && mid < SimilarityBins.mean(positives);
    }

    /** The first histogram with enough pairs (the last one whatever it holds). */
    private static double[] first(double[]... preferred) {
        for (double[] h : preferred) {
            if (SimilarityBins.total(h) >= MIN_PAIRS) {
                return h;
            }
        }
        return preferred[preferred.length - 1];
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
