package io.crossview.matcher.linking;

import io.crossview.common.wire.TransitStats;
import java.util.Optional;

/**
 * What the linker learns about a pair of cameras from the cross-camera links it made: how
 * long people take between them and whether they are ever on both at once. Pure functions on
 * the stored {@link TransitStats}; a pair is only judged once it has enough transits.
 */
public final class LearnedTransits {
    /** Longest transit kept in the histogram; longer ones land in the last bin. */
    static final int MAX_SECONDS = 600;

    private LearnedTransits() {
    }

    /** The stats with one more transit of {@code gapMs} (negative: seen on both cameras at once). */
    public static TransitStats record(TransitStats stats, long gapMs) {
        TransitStats.Builder next = stats.toBuilder().setTransits(stats.getTransits() + 1);
        if (gapMs < 0) {
            return next.setConcurrent(stats.getConcurrent() + 1).build();
        }
        int bin = (int) Math.min(MAX_SECONDS, gapMs / 1000);
        while (next.getHistogramCount() <= bin) {
            next.addHistogram(0);
        }
        return next.setHistogram(bin, next.getHistogram(bin) + 1).build();
    }

    /** The window of transit times seen, widened by {@code slack}, once {@code minTransits} were seen. */
    public static Optional<Window> window(TransitStats stats, int minTransits, double slack) {
        long timed = stats.getTransits() - stats.getConcurrent();
        if (stats.getTransits() < minTransits || timed < minTransits / 2) {
            return Optional.empty();
        }
        double low = percentile(stats, timed, 0.05);
        double high = percentile(stats, timed, 0.95) + 1;
        return Optional.of(new Window(Math.max(0, low * (1 - slack) - 1), high * (1 + slack) + 1));
    }

    /** Whether the pair shows people on both cameras at once often enough to call it overlapping. */
    public static Optional<Boolean> overlapping(TransitStats stats, int minTransits) {
        if (stats.getTransits() < minTransits) {
            return Optional.empty();
        }
        return Optional.of(stats.getConcurrent() >= 0.2 * stats.getTransits());
    }

    private static double percentile(TransitStats stats, long count, double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int bin = 0; bin < stats.getHistogramCount(); bin++) {
            seen += stats.getHistogram(bin);
            if (seen >= Math.max(1, rank)) {
                return bin;
            }
        }
        return stats.getHistogramCount();
    }

    /** Transit seconds accepted between two cameras. */
    public record Window(double minSeconds, double maxSeconds) {
        boolean contains(double seconds) {
            return seconds >= minSeconds && seconds <= maxSeconds;
        }
    }
}
