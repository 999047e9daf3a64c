package io.crossview.matcher.linking;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Tuning of the cross-camera linker. Appearance enters only as probabilities from the model's
 * calibration ({@link io.crossview.matcher.calibration.Calibration}): a cosine means nothing
 * across models, so no raw cosine belongs here.
 *
 * @param linkProbability      least P(same person) between a track and an identity to link them
 * @param prototypeMomentum    weight of a prototype's old value when a finished tracklet is folded into it
 * @param maxPrototypes        appearance memories per identity and model (different views, lighting)
 * @param prototypeProbability a finished tracklet that this unlikely continues any prototype of its
 *                             identity (same-track curve) becomes a prototype of its own, while there is room
 * @param minEvidence          frames of a track the linker waits for before deciding its identity
 * @param correctionLogOdds    how much likelier (log-odds) another identity must be for a track's grown
 *                             evidence before the decision is corrected
 * @param splitProbability     a linked track whose identity fits it less than this founds its own
 * @param reentrySeconds       after this long unseen a person may come back on any camera
 * @param transitSlack         relative widening of configured and learned transit windows
 * @param learnAfter           transits a camera pair needs before its learned window is applied
 * @param maxSightings         finished tracklets kept per identity for its timeline
 * @param reassign             the periodic re-assignment of a recent window's tracks
 */
public record LinkerParams(double linkProbability, double prototypeMomentum, int maxPrototypes,
                           double prototypeProbability, int minEvidence, double correctionLogOdds,
                           double splitProbability, double reentrySeconds, double transitSlack, int learnAfter,
                           int maxSightings, ReassignParams reassign) {
    private static final Map<String, String> RAW_COSINES = Map.of("link_threshold", "link_probability",
            "prototype_spread", "prototype_probability", "correction_margin", "correction_log_odds");

    public LinkerParams {
        check("link_probability", linkProbability, 0, 1);
        check("prototype_momentum", prototypeMomentum, 0, 0.999);
        check("max_prototypes", maxPrototypes, 1, 64);
        check("prototype_probability", prototypeProbability, 0, 1);
        check("min_evidence", minEvidence, 1, 10_000);
        check("correction_log_odds", correctionLogOdds, 0, 50);
        check("split_probability", splitProbability, 0, 1);
        check("reentry_seconds", reentrySeconds, 0, 1e7);
        check("transit_slack", transitSlack, 0, 10);
        check("learn_after", learnAfter, 1, 1_000_000);
        check("max_sightings", maxSightings, 1, 10_000);
        reassign = reassign == null ? ReassignParams.defaults() : reassign;
    }

    /** From a config file's {@code linker:} section: what it leaves out keeps its default. */
    @JsonCreator
    public static LinkerParams fromConfig(@JsonProperty("link_probability") Double linkProbability,
                                          @JsonProperty("prototype_momentum") Double prototypeMomentum,
                                          @JsonProperty("max_prototypes") Integer maxPrototypes,
                                          @JsonProperty("prototype_probability") Double prototypeProbability,
                                          @JsonProperty("min_evidence") Integer minEvidence,
                                          @JsonProperty("correction_log_odds") Double correctionLogOdds,
                                          @JsonProperty("split_probability") Double splitProbability,
                                          @JsonProperty("reentry_seconds") Double reentrySeconds,
                                          @JsonProperty("transit_slack") Double transitSlack,
                                          @JsonProperty("learn_after") Integer learnAfter,
                                          @JsonProperty("max_sightings") Integer maxSightings,
                                          @JsonProperty("reassign") ReassignParams reassign,
                                          @JsonProperty("link_threshold") Object linkThreshold,
                                          @JsonProperty("prototype_spread") Object prototypeSpread,
                                          @JsonProperty("correction_margin") Object correctionMargin) {
        refuseRawCosine("link_threshold", linkThreshold);
        refuseRawCosine("prototype_spread", prototypeSpread);
        refuseRawCosine("correction_margin", correctionMargin);
        LinkerParams d = defaults();
        return new LinkerParams(requireNonNullElse(linkProbability, d.linkProbability), requireNonNullElse(prototypeMomentum, d.prototypeMomentum),
                requireNonNullElse(maxPrototypes, d.maxPrototypes), requireNonNullElse(prototypeProbability, d.prototypeProbability),
                requireNonNullElse(minEvidence, d.minEvidence), requireNonNullElse(correctionLogOdds, d.correctionLogOdds),
                requireNonNullElse(splitProbability, d.splitProbability), requireNonNullElse(reentrySeconds, d.reentrySeconds),
                requireNonNullElse(transitSlack, d.transitSlack), requireNonNullElse(learnAfter, d.learnAfter), requireNonNullElse(maxSightings, d.maxSightings),
                requireNonNullElse(reassign, d.reassign));
    }

    /** The settings of earlier versions were raw cosines: say what replaced them. */
    private static void refuseRawCosine(String key, Object value) {
        if (value != null) {
            throw new IllegalArgumentException("linker " + key + " was a raw cosine and is gone: set "
                    + RAW_COSINES.get(key) + " instead (a probability; see docs/linking.md)");
        }
    }


    public static LinkerParams defaults() {
        // with the default calibration these are the former cosines: link at 0.90, a new prototype
        // below 0.95, a correction 0.03 better, a split below 0.80
        return new LinkerParams(0.5, 0.5, 4, 0.7, 5, 1.3, 0.01, 300, 0.5, 20, 64, ReassignParams.defaults());
    }

    public LinkerParams withLinkProbability(double p) {
        return new LinkerParams(p, prototypeMomentum, maxPrototypes, prototypeProbability, minEvidence,
                correctionLogOdds, splitProbability, reentrySeconds, transitSlack, learnAfter, maxSightings, reassign);
    }

    public LinkerParams withReassign(ReassignParams r) {
        return new LinkerParams(linkProbability, prototypeMomentum, maxPrototypes, prototypeProbability, minEvidence,
                correctionLogOdds, splitProbability, reentrySeconds, transitSlack, learnAfter, maxSightings, r);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("linker " + name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
