package io.crossview.common.calibration;

/**
 * A logistic curve over cosine similarity: P = 1 / (1 + exp(-(slope * s + intercept))). How the
 * matcher and the trainer both state a model's P(same person | similarity).
 */
public record Logistic(double slope, double intercept) {
    public Logistic {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("a logistic curve needs a finite slope and intercept, got "
                    + slope + ", " + intercept);
        }
    }

    /** The curve that crosses 0.5 at {@code midpoint} with the given slope. */
    public static Logistic through(double midpoint, double slope) {
        return new Logistic(slope, -slope * midpoint);
    }

    public double probability(double similarity) {
        return 1 / (1 + Math.exp(-(slope * similarity + intercept)));
    }

    /** The similarity at which P = 0.5. */
    public double midpoint() {
        return slope == 0 ? Double.NaN : -intercept / slope;
    }
}
