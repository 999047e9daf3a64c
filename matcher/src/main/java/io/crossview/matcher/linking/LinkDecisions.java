package io.crossview.matcher.linking;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.assignment.SparseAssignment;
import io.crossview.matcher.calibration.Calibration;
import io.crossview.matcher.calibration.Calibrations;
import io.crossview.matcher.gallery.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linker's choices: which identity each deciding track is, jointly for tracks deciding at
 * once (one identity per track, the assignment of greatest total similarity), and whether a
 * reviewed decision should move. Candidates come from the gallery's top-k by appearance and
 * must pass the link constraints; appearance counts as the calibrated P(same person) of the
 * track's model, never as a raw cosine.
 */
final class LinkDecisions {
    private static final int CANDIDATES = 10;

    private final IdentityGallery gallery;
    private final LinkerParams params;
    private final Calibrations calibrations;
    private final SparseAssignment assignment = new SparseAssignment();

    LinkDecisions(IdentityGallery gallery, LinkerParams params, Calibrations calibrations) {
        this.gallery = gallery;
        this.params = params;
        this.calibrations = calibrations;
    }

    /** A track about to be decided; {@code key} is {@code camera/trackId}. */
    record Deciding(String key, TrackLink link) {
    }

    /** An identity for a track, with the calibrated probability that they are one person. */
    record Choice(IdentityRecord identity, double probability) {
    }

    /** What a review found: keep the decision, move it to another identity, or split off a new one. */
    record Verdict(Choice moveTo, boolean split) {
        static Verdict keep() {
            return new Verdict(null, false);
        }
    }

    /** Each deciding track's identity, or null where it should found a new one. */
    List<Choice> assign(List<Deciding> deciding, LinkConstraints constraints) {
        Map<Long, Integer> column = new LinkedHashMap<>();
        Map<Long, IdentityRecord> identities = new HashMap<>();
        List<Map<Long, Double>> allowed = new ArrayList<>();
        for (Deciding d : deciding) {
            Map<Long, Double> mine = new HashMap<>();
            for (Choice c : candidates(d, constraints, -1, true)) {
                mine.put(c.identity().getId(), c.probability());
                identities.put(c.identity().getId(), c.identity());
                column.putIfAbsent(c.identity().getId(), column.size());
            }
            allowed.add(mine);
        }
        List<Choice> out = new ArrayList<>();
        if (column.isEmpty()) {
            deciding.forEach(d -> out.add(null));
            return out;
        }
        double[][] weight = new double[deciding.size()][column.size()];
        for (int r = 0; r < deciding.size(); r++) {
            for (Map.Entry<Long, Double> e : allowed.get(r).entrySet()) {
                // every allowed pair gets a positive weight, so the most pairs are linked first
                weight[r][column.get(e.getKey())] = 1 + e.getValue() - params.linkProbability();
            }
        }
        int[] rowToCol = new int[deciding.size()];
        assignment.maxWeight(weight, deciding.size(), column.size(), rowToCol);
        List<Long> ids = new ArrayList<>(column.keySet());
        for (int r = 0; r < deciding.size(); r++) {
            if (rowToCol[r] < 0) {
                out.add(null);
            } else {
                long id = ids.get(rowToCol[r]);
                out.add(new Choice(identities.get(id), allowed.get(r).get(id)));
            }
        }
        return out;
    }

    Verdict review(String key, TrackLink link, IdentityRecord current, LinkConstraints constraints) {
        List<Choice> others = candidates(new Deciding(key, link), constraints, current.getId(), false);
        Choice best = others.isEmpty() ? null : others.get(0);
        if (link.getFounder()) {
            // a founder's identity is only its own evidence: any identity that fits is the better answer
            return best == null ? Verdict.keep() : new Verdict(best, false);
        }
        double similarity = Prototypes.similarity(current, link.getEvidence(), link.getModelVersion());
        if (similarity < -0.5) {
            // no prototype of this model yet (a model switch mid-track): the fold will build one
            return Verdict.keep();
        }
        double mine = calibrations.of(link.getModelVersion()).between(similarity);
        if (best != null && Calibration.logit(best.probability()) >= Calibration.logit(mine) + params.correctionLogOdds()) {
            return new Verdict(best, false);
        }
        return mine < params.splitProbability() ? new Verdict(null, true) : Verdict.keep();
    }

    /**
     * Identities the constraints allow for this track and its model's calibration finds likely
     * enough, best first. On a first decision every allowed candidate's similarity is also
     * counted: together they are the mixture the between-track curve is fitted on.
     */
    private List<Choice> candidates(Deciding d, LinkConstraints constraints, long except, boolean count) {
        String camera = Presence.cameraOf(d.key());
        String model = d.link().getModelVersion();
        Calibration calibration = calibrations.of(model);
        List<Choice> out = new ArrayList<>();
        for (Match m : gallery.nearest(d.link().getEvidence(), model, CANDIDATES, id -> id != except)) {
            IdentityRecord identity = gallery.get(m.identityId());
            if (identity == null || !constraints.allows(identity, camera, d.key(), d.link().getFirstSeenMs())) {
                continue;
            }
            if (count) {
                calibrations.candidate(model, m.similarity());
            }
            double p = calibration.between(m.similarity());
            if (p >= params.linkProbability()) {
                out.add(new Choice(identity, p));
            }
        }
        return out;
    }
}
