package io.crossview.deploy.metrics;

import java.util.function.BooleanSupplier;

/**
 * What a stage answers on {@code /health/live} (restart me if false) and {@code /health/ready}
 * (send me work, or count me in, only if true).
 */
public record Health(BooleanSupplier live, BooleanSupplier ready) {
    /** Up, and ready, as long as the process runs. */
    public static final Health UP = new Health(() -> true, () -> true);

    public Health both(Health other) {
        return new Health(() -> live.getAsBoolean() && other.live.getAsBoolean(),
                () -> ready.getAsBoolean() && other.ready.getAsBoolean());
    }
}
