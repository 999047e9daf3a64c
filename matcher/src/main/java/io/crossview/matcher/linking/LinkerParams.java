package io.crossview.matcher.linking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tuning of the cross-camera linker.
 *
 * @param linkThreshold     least cosine similarity between a track and an identity to link them
 * @param prototypeMomentum weight of a prototype's old value when a finished tracklet is folded into it
 * @param maxPrototypes     appearance memories per identity and model (different views, lighting)
 * @param prototypeSpread   a finished tracklet less similar than this to every prototype of its
 *                          identity becomes a prototype of its own (while there is room)
 * @param minEvidence       frames of a track the linker waits for before deciding its identity
 * @param correctionMargin  how much better another identity must fit a track's grown evidence
 *                          before the decision is corrected
 * @param reentrySeconds    after this long unseen a person may come back on any camera
 * @param transitSlack      relative widening of configured and learned transit windows
 * @param learnAfter        transits a camera pair needs before its learned window is applied
 * @param maxSightings      finished tracklets kept per identity for its timeline
 */
public record LinkerParams(double linkThreshold, double prototypeMomentum, int maxPrototypes, double prototypeSpread,
                           int minEvidence, double correctionMargin, double reentrySeconds, double transitSlack,
                           int learnAfter, int maxSightings) {
    public LinkerParams {
        check("link_threshold", linkThreshold, -1, 1);
        check("prototype_momentum", prototypeMomentum, 0, 0.999);
        check("max_prototypes", maxPrototypes, 1, 64);
        check("prototype_spread", prototypeSpread, -1, 1);
        check("min_evidence", minEvidence, 1, 10_000);
        check("correction_margin", correctionMargin, 0, 2);
        check("reentry_seconds", reentrySeconds, 0, 1e7);
        check("transit_slack", transitSlack, 0, 10);
        check("learn_after", learnAfter, 1, 1_000_000);
        check("max_sightings", maxSightings, 1, 10_000);
    }

    /** From a config file's {@code linker:} section: what it leaves out keeps its default. */
    @JsonCreator
    public static LinkerParams fromConfig(@JsonProperty("link_threshold") Double linkThreshold,
                                          @JsonProperty("prototype_momentum") Double prototypeMomentum,
                                          @JsonProperty("max_prototypes") Integer maxPrototypes,
                                          @JsonProperty("prototype_spread") Double prototypeSpread,
                                          @JsonProperty("min_evidence") Integer minEvidence,
                                          @JsonProperty("correction_margin") Double correctionMargin,
                                          @JsonProperty("reentry_seconds") Double reentrySeconds,
                                          @JsonProperty("transit_slack") Double transitSlack,
                                          @JsonProperty("learn_after") Integer learnAfter,
                                          @JsonProperty("max_sightings") Integer maxSightings) {
        LinkerParams d = defaults();
        return new LinkerParams(or(linkThreshold, d.linkThreshold), or(prototypeMomentum, d.prototypeMomentum),
                or(maxPrototypes, d.maxPrototypes), or(prototypeSpread, d.prototypeSpread), or(minEvidence, d.minEvidence),
                or(correctionMargin, d.correctionMargin), or(reentrySeconds, d.reentrySeconds),
                or(transitSlack, d.transitSlack), or(learnAfter, d.learnAfter), or(maxSightings, d.maxSightings));
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    public static LinkerParams defaults() {
        return new LinkerParams(0.9, 0.5, 4, 0.95, 5, 0.03, 300, 0.5, 20, 64);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("linker " + name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
