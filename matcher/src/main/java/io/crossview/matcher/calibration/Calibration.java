package io.crossview.matcher.calibration;

import io.crossview.common.calibration.Logistic;
import io.crossview.common.wire.ModelCalibration;
import java.util.ArrayList;
import java.util.List;

/**
 * One model version's P(same person | cosine similarity), as two logistic curves: one for a
 * track against its own recent past ({@code sameTrack}, what the tracker and the prototypes
 * ask) and one for a track against another track or identity ({@code between}, what the
 * linker asks). The second lies at lower similarities: another sighting of a person, later or
 * on another camera, is less alike than two moments of one track.
 *
 * @param source where the curves come from: the stream's own pairs, the model's metadata, or defaults
 */
public record Calibration(String source, Logistic sameTrack, Logistic between, long sameTrackPairs,
                          long coOccurringPairs, long candidatePairs, double candidatePositiveShare) {
    public static final String STREAM = "stream";
    public static final String METADATA = "metadata";
    public static final String DEFAULTS = "defaults";

    /**
     * Before a model has shown enough pairs: the matcher's former fixed cosines, made curves
     * (between-track P = 0.5 at 0.90, same-track at 0.93, each 0.1 → 0.9 over ±0.05), so an
     * unknown model behaves as the built-in one always did until the stream teaches otherwise.
     */
    public static Calibration defaults() {
        return new Calibration(DEFAULTS, Logistic.through(0.93, 44), Logistic.through(0.90, 44), 0, 0, 0, Double.NaN);
    }

    /** The curves a model's metadata carries (see {@link ModelCalibration}). */
    public static Calibration of(ModelCalibration model) {
        return new Calibration(METADATA, new Logistic(model.getSameTrackSlope(), model.getSameTrackIntercept()),
                new Logistic(model.getBetweenSlope(), model.getBetweenIntercept()), 0, 0, 0, Double.NaN);
    }

    public double sameTrack(double similarity) {
        return sameTrack.probability(similarity);
    }

    public double between(double similarity) {
        return between.probability(similarity);
    }

    /** Points of both curves, every 0.05 of similarity over [-1, 1], for the query API and reports. */
    public List<double[]> curve() {
        List<double[]> points = new ArrayList<>();
        for (int i = -20; i <= 20; i++) {
            double s = i / 20.0;
            points.add(new double[] {s, sameTrack(s), between(s)});
        }
        return points;
    }

    public static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }
}
