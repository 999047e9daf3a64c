package io.crossview.matcher.calibration;

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

    private CalibrationFit() {
    }

    /** The stream's calibration, or {@code prior} where some kind of pair is still too rare. */
    public static Calibration fit(SimilarityCounts counts, Calibration prior) {
        double[] same = asDoubles(counts.getSameTrackList());
        double[] others = asDoubles(counts.getCoOccurringList());
        double[] candidates = asDoubles(counts.getCandidatesList());
        long nSame = total(same);
        long nOthers = total(others);
        long nCandidates = total(candidates);
        if (nSame < MIN_PAIRS || nOthers < MIN_PAIRS) {
            return prior;
        }
        Calibration.Logistic sameTrack = balancedLogistic(same, others);
        Calibration.Logistic between = prior.between();
        double share = Double.NaN;
        if (nCandidates >= MIN_PAIRS) {
            double[] responsibility = new double[SimilarityBins.BINS];
            share = mixture(candidates, others, same, responsibility);
            double[] positives = new double[SimilarityBins.BINS];
            for (int b = 0; b < positives.length; b++) {
                positives[b] = candidates[b] * responsibility[b];
            }
            if (total(positives) >= MIN_PAIRS / 4.0) {
                between = balancedLogistic(positives, others);
            }
        }
        return new Calibration(Calibration.STREAM, sameTrack, between, nSame, nOthers, nCandidates, share);
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

    /** Logistic regression of positives against negatives, each side weighted to half. */
    static Calibration.Logistic balancedLogistic(double[] positives, double[] negatives) {
        double np = Math.max(total(positives), 1e-9);
        double nn = Math.max(total(negatives), 1e-9);
        double a = 10;
        double c = -10 * (mean(positives) + mean(negatives)) / 2;
        for (int iter = 0; iter < 50; iter++) {
            double ga = 1e-4 * a;
            double gc = 0;
            double haa = 1e-4;
            double hac = 0;
            double hcc = 1e-9;
            for (int b = 0; b < SimilarityBins.BINS; b++) {
                double s = SimilarityBins.centre(b);
                double weight = positives[b] / np + negatives[b] / nn;
                if (weight == 0) {
                    continue;
                }
                double target = (positives[b] / np) / weight;
                double p = 1 / (1 + Math.exp(-(a * s + c)));
                double g = weight * (p - target);
                double h = weight * p * (1 - p);
                ga += g * s;
                gc += g;
                haa += h * s * s;
                hac += h * s;
                hcc += h;
            }
            double det = haa * hcc - hac * hac;
            if (det <= 0) {
                break;
            }
            double da = (hcc * ga - hac * gc) / det;
            double dc = (haa * gc - hac * ga) / det;
            a -= da;
            c -= dc;
            // perfectly separated pairs would send the slope to infinity; at 400, P goes 0.1 to 0.9 within 0.011
            if (Math.abs(a) > 400) {
                double mid = -c / a;
                a = Math.signum(a) * 400;
                c = -a * mid;
            }
            if (Math.abs(da) < 1e-6 && Math.abs(dc) < 1e-6) {
                break;
            }
        }
        return new Calibration.Logistic(a, c);
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

    static double mean(double[] histogram) {
        double n = 0;
        double sum = 0;
        for (int b = 0; b < histogram.length; b++) {
            n += histogram[b];
            sum += histogram[b] * SimilarityBins.centre(b);
        }
        return n == 0 ? 0 : sum / n;
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

    private static long total(double[] histogram) {
        double n = 0;
        for (double v : histogram) {
            n += v;
        }
        return Math.round(n);
    }

    private static double[] asDoubles(java.util.List<Long> bins) {
        double[] out = new double[SimilarityBins.BINS];
        for (int b = 0; b < Math.min(out.length, bins.size()); b++) {
            out[b] = bins.get(b);
        }
        return out;
    }
}
