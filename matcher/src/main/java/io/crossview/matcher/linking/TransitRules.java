package io.crossview.matcher.linking;

import io.crossview.common.wire.TransitStats;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Whether a person last seen on one camera can be the one now starting on another, from the
 * configured topology first and what was learned second: a configured pair is judged by its
 * overlap and transit window; pairs of configured cameras that are neither overlapping nor
 * connected need a long absence (a walk out of the site and back); an unconfigured pair is
 * judged by its learned window once it has enough transits, and otherwise allowed.
 */
public final class TransitRules {
    private final SiteTopology topology;
    private final LinkerParams params;
    private final BiFunction<String, String, TransitStats> learned;

    /** @param learned the stats of a camera pair (either order), or null when none were kept */
    public TransitRules(SiteTopology topology, LinkerParams params, BiFunction<String, String, TransitStats> learned) {
        this.topology = topology;
        this.params = params;
        this.learned = learned;
    }

    /**
     * @param gapMs from the last sighting on {@code from} to the first on {@code to}; negative
     *              when the person is still on {@code from} (seen on both at once)
     */
    public boolean allows(String from, String to, long gapMs) {
        if (from.equals(to)) {
            return gapMs >= 0;
        }
        double seconds = gapMs / 1000.0;
        if (seconds >= params.reentrySeconds()) {
            return true;
        }
        if (topology.knows(from) && topology.knows(to)) {
            if (topology.overlap(from, to)) {
                return true;
            }
            Optional<SiteTopology.Connection> connection = topology.connection(from, to);
            if (connection.isEmpty()) {
                return false;
            }
            double slack = params.transitSlack();
            return seconds >= connection.get().minSeconds() * (1 - slack) - 1
                    && seconds <= connection.get().maxSeconds() * (1 + slack) + 1;
        }
        TransitStats stats = learned.apply(from, to);
        if (stats == null) {
            return true;
        }
        if (gapMs < 0) {
            return LearnedTransits.overlapping(stats, params.learnAfter()).orElse(true);
        }
        if (LearnedTransits.overlapping(stats, params.learnAfter()).orElse(false)) {
            return true;
        }
        return LearnedTransits.window(stats, params.learnAfter(), params.transitSlack())
                .map(w -> w.contains(seconds)).orElse(true);
    }

    /** The key both orders of a camera pair share in the transit store. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
