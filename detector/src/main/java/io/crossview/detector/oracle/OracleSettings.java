package io.crossview.detector.oracle;

/**
 * How far the oracle detector departs from the truth.
 *
 * @param jitter   standard deviation of box position and size noise, as a fraction of the box size
 * @param missRate probability that a true box is dropped
 * @param seed     makes the noise repeatable run to run
 */
public record OracleSettings(double jitter, double missRate, long seed) {
    public OracleSettings {
        if (jitter < 0 || jitter > 0.5) {
            throw new IllegalArgumentException("oracle jitter must be in [0, 0.5], got " + jitter);
        }
        if (missRate < 0 || missRate >= 1) {
            throw new IllegalArgumentException("oracle miss rate must be in [0, 1), got " + missRate);
        }
    }

    public static OracleSettings defaults() {
        return new OracleSettings(0.05, 0.05, 1);
    }

    /** The model id the detections carry, so every result says it came from the oracle. */
    public String modelId() {
        return String.format(java.util.Locale.ROOT, "oracle(jitter=%.2f,miss=%.2f)", jitter, missRate);
    }
}
