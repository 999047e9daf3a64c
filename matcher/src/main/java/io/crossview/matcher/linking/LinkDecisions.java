package io.crossview.matcher.linking;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.assignment.SparseAssignment;
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
 * must pass the link constraints.
 */
final class LinkDecisions {
    private static final int CANDIDATES = 10;

    private final IdentityGallery gallery;
    private final LinkerParams params;
    private final SparseAssignment assignment = new SparseAssignment();

    LinkDecisions(IdentityGallery gallery, LinkerParams params) {
        this.gallery = gallery;
        this.params = params;
    }

    /** A track about to be decided; {@code key} is {@code camera/trackId}. */
    record Deciding(String key, TrackLink link) {
    }

    record Choice(IdentityRecord identity, double similarity) {
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
            for (Choice c : candidates(d, constraints, -1)) {
                mine.put(c.identity().getId(), c.similarity());
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
                weight[r][column.get(e.getKey())] = 1 + e.getValue() - params.linkThreshold();
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
        List<Choice> others = candidates(new Deciding(key, link), constraints, current.getId());
        Choice best = others.isEmpty() ? null : others.get(0);
        if (link.getFounder()) {
            // a founder's identity is only its own evidence: any identity that fits is the better answer
            return best == null ? Verdict.keep() : new Verdict(best, false);
        }
        double mine = Prototypes.similarity(current, link.getEvidence(), link.getModelVersion());
        if (mine < -0.5) {
            // no prototype of this model yet (a model switch mid-track): the fold will build one
            return Verdict.keep();
        }
        if (best != null && best.similarity() >= mine + params.correctionMargin()) {
            return new Verdict(best, false);
        }
        return mine < params.linkThreshold() - 0.1 ? new Verdict(null, true) : Verdict.keep();
    }

    /** Identities above the threshold the constraints allow for this track, best first. */
    private List<Choice> candidates(Deciding d, LinkConstraints constraints, long except) {
        String camera = Presence.cameraOf(d.key());
        List<Choice> out = new ArrayList<>();
        for (Match m : gallery.nearest(d.link().getEvidence(), d.link().getModelVersion(), CANDIDATES,
                id -> id != except)) {
            if (m.similarity() < params.linkThreshold()) {
                break;
            }
            IdentityRecord identity = gallery.get(m.identityId());
            if (identity != null && constraints.allows(identity, camera, d.key(), d.link().getFirstSeenMs())) {
                out.add(new Choice(identity, m.similarity()));
            }
        }
        return out;
    }
}
