package io.crossview.matcher.calibration;

import static io.crossview.common.calibration.SimilarityBins.mean;
import static io.crossview.common.calibration.SimilarityBins.total;

import io.crossview.common.calibration.Logistic;
import io.crossview.common.calibration.LogisticFit;
import io.crossview.common.calibration.SimilarityBins;
import io.crossview.common.wire.SimilarityCounts;

/**
 * Fits a {@link Calibration} from the pairs the stream gave. Same-track pairs against
 * co-occurring pairs (different people for sure) give the same-track curve by a balanced
 * logistic fit. Candidate pairs (a deciding track against its gallery candidates) are a
 * mixture of the same person seen again and others: an EM fit with the co-occurring
 * distribution as the fixed "others" component and a Gaussian for the same person finds how
 * far a person's other sightings shift below their own track, and the between-track curve is
 * fitted on that component's share.
 */
public final class CalibrationFit {
    /** Pairs of each kind needed before the stream's fit replaces the prior. */
    public static final int MIN_PAIRS = 60;
    private static final int EM_ROUNDS = 60;
    /**
     * Most share of candidates the mixture may call the same person: a decision meets up to
     * ten candidates, mostly four or more, and at most one of them is the person. A model that
     * tells people apart spreads strangers widely, so the nearest ones a decision meets sit far
     * above the people seen together, and the EM then calls nearly all candidates the same
     * person (share 0.92-0.99, a flat or even falling curve, on the synthetic worlds with a
     * trained MobileNetV2); such a fit is refused and the prior stays.
     */
    static final double MAX_SHARE = 0.25;

    private CalibrationFit() {
    }

    /**
     * The stream's calibration, or where some kind of pair is still too rare the prior the
     * counts keep: the model's own calibration where it carries one, else the defaults.
     */
    public static Calibration fit(SimilarityCounts counts) {
        return fit(counts, counts.hasPrior() ? Calibration.of(counts.getPrior()) : Calibration.defaults());
    }

    /** The stream's calibration, or {@code prior} where some kind of pair is still too rare. */
    public static Calibration fit(SimilarityCounts counts, Calibration prior) {
        double[] same = asDoubles(counts.getSameTrackList());
        double[] others = asDoubles(counts.getCoOccurringList());
        double[] candidates = asDoubles(counts.getCandidatesList());
        long nSame = total(same);
        long nOthers = total(others);
        long nCandidates = total(candidates);
        prior = checkedByStrangers(prior, others);
        if (nSame < MIN_PAIRS || nOthers < MIN_PAIRS) {
            return prior;
        }
        Logistic sameTrack = LogisticFit.balanced(same, others);
        Logistic between = prior.between();
        double share = Double.NaN;
        if (nCandidates >= MIN_PAIRS) {
            double[] responsibility = new double[SimilarityBins.BINS];
            share = mixture(candidates, others, same, responsibility);
            double[] positives = new double[SimilarityBins.BINS];
            for (int b = 0; b < positives.length; b++) {
                positives[b] = candidates[b] * responsibility[b];
            }
            if (total(positives) >= MIN_PAIRS / 4.0 && share <= MAX_SHARE) {
                between = LogisticFit.balanced(positives, others);
            }
        }
        return new Calibration(Calibration.STREAM, sameTrack, between, nSame, nOthers, nCandidates, share);
    }

    /** Known-stranger pairs a model's own curves are checked against. */
    static final int STRANGER_CHECK_PAIRS = 20;
    /** The share of known strangers a model's own curves may call the same person at most. */
    static final double STRANGER_QUANTILE = 0.99;

    /**
     * A model's own curves were fitted on its training domain; on a camera where it sees
     * people differently they can call strangers the same person. Once the stream has shown
     * enough pairs of people seen together, neither curve may put P = 0.5 below the
     * similarity that 99 % of them stay under: the curve is moved up, its slope kept.
     * Curves fitted on the stream, and the defaults, are left as they are.
     */
    static Calibration checkedByStrangers(Calibration prior, double[] strangers) {
        if (!Calibration.METADATA.equals(prior.source()) || total(strangers) < STRANGER_CHECK_PAIRS) {
            return prior;
        }
        double floor = SimilarityBins.quantile(strangers, STRANGER_QUANTILE);
        return new Calibration(prior.source(), atLeast(prior.sameTrack(), floor), atLeast(prior.between(), floor),
                prior.sameTrackPairs(), prior.coOccurringPairs(), prior.candidatePairs(), prior.candidatePositiveShare());
    }

    private static Logistic atLeast(Logistic curve, double midpoint) {
        return curve.midpoint() >= midpoint ? curve : Logistic.through(midpoint, curve.slope());
    }

    /**
     * EM over the candidate histogram: component "others" has the co-occurring shape, fixed;
     * component "same person" is a Gaussian started at the same-track pairs, free. Fills each
     * bin's posterior of "same person" and returns that component's share.
     */
    static double mixture(double[] candidates, double[] others, double[] same, double[] responsibility) {
        double[] otherDensity = density(others);
        double mean = Math.max(mean(same) - 0.05, mean(others) + 0.01);
        double sd = Math.max(2 * sd(same, mean(same)), 0.03);
        double share = 0.3;
        double n = total(candidates);
        for (int round = 0; round < EM_ROUNDS; round++) {
            double w = 0;
            double m = 0;
            for (int b = 0; b < candidates.length; b++) {
                double s = SimilarityBins.centre(b);
                double p = share * gaussianMass(s, mean, sd);
                double q = (1 - share) * otherDensity[b];
                responsibility[b] = p + q == 0 ? 0 : p / (p + q);
                w += candidates[b] * responsibility[b];
                m += candidates[b] * responsibility[b] * s;
            }
            if (w < 1e-6) {
                share = 0;
                break;
            }
            double newMean = m / w;
            double v = 0;
            for (int b = 0; b < candidates.length; b++) {
                double d = SimilarityBins.centre(b) - newMean;
                v += candidates[b] * responsibility[b] * d * d;
            }
            share = w / n;
            // the same person is never less alike than strangers are on average
            mean = Math.max(newMean, mean(others));
            sd = Math.max(Math.sqrt(v / w), 2.0 / SimilarityBins.BINS);
        }
        return share;
    }

    private static double gaussianMass(double s, double mean, double sd) {
        double width = 2.0 / SimilarityBins.BINS;
        double z = (s - mean) / sd;
        return width * Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }

    private static double[] density(double[] histogram) {
        double n = total(histogram) + 0.5 * histogram.length;
        double[] out = new double[histogram.length];
        for (int b = 0; b < out.length; b++) {
            // a little mass everywhere: no similarity is impossible for strangers
            out[b] = (histogram[b] + 0.5) / n;
        }
        return out;
    }

    private static double sd(double[] histogram, double mean) {
        double n = 0;
        double sum = 0;
        for (int b = 0; b < histogram.length; b++) {
            double d = SimilarityBins.centre(b) - mean;
            n += histogram[b];
            sum += histogram[b] * d * d;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    private static double[] asDoubles(java.util.List<Long> bins) {
        double[] out = new double[SimilarityBins.BINS];
        for (int b = 0; b < Math.min(out.length, bins.size()); b++) {
            out[b] = bins.get(b);
        }
        return out;
    }
}
