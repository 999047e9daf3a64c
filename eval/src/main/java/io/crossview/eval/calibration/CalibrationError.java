package io.crossview.eval.calibration;

import java.util.List;

/**
 * How far predicted probabilities are from the frequencies they claim: expected calibration
 * error over equal-width bins (Guo et al. 2017), plain and class-balanced. Across cameras
 * strangers outnumber a person's other sightings many times, so the plain error mostly
 * judges the negatives; the balanced one weighs both kinds equally, as a linker needs.
 */
public final class CalibrationError {
    public static final int BINS = 10;

    /** One labelled prediction. */
    public record Prediction(double probability, boolean same) {
    }

    /** @param ece plain expected calibration error; @param balancedEce with positives and negatives weighed equally */
    public record Result(double ece, double balancedEce, int positives, int negatives) {
    }

    private CalibrationError() {
    }

    public static Result of(List<Prediction> predictions) {
        long positives = predictions.stream().filter(Prediction::same).count();
        long negatives = predictions.size() - positives;
        return new Result(ece(predictions, 1, 1), positives == 0 || negatives == 0 ? Double.NaN
                : ece(predictions, 0.5 / positives, 0.5 / negatives), (int) positives, (int) negatives);
    }

    private static double ece(List<Prediction> predictions, double positiveWeight, double negativeWeight) {
        double[] weight = new double[BINS];
        double[] predicted = new double[BINS];
        double[] observed = new double[BINS];
        double total = 0;
        for (Prediction p : predictions) {
            if (!(p.probability() >= 0 && p.probability() <= 1)) {
                throw new IllegalArgumentException("a probability must be in [0, 1], got " + p.probability());
            }
            int bin = Math.min(BINS - 1, (int) (p.probability() * BINS));
            double w = p.same() ? positiveWeight : negativeWeight;
            weight[bin] += w;
            predicted[bin] += w * p.probability();
            observed[bin] += p.same() ? w : 0;
            total += w;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            if (weight[b] > 0) {
                error += weight[b] / total * Math.abs(predicted[b] / weight[b] - observed[b] / weight[b]);
            }
        }
        return error;
    }
}
