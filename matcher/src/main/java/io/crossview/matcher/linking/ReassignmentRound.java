package io.crossview.matcher.linking;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Sighting;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.calibration.Calibration;
import io.crossview.matcher.calibration.Calibrations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One round of periodic re-assignment: the decided tracks of the window (live ones from the
 * link store, finished ones from {@link #RECENT_STORE}) are clustered again by
 * {@link Reassignment}; every track whose identity changes is written back with its new id,
 * the identities it left and joined get their sightings and prototypes rebuilt from their
 * tracks, and the moves are returned for the processor to emit as corrections.
 */
final class ReassignmentRound {
    /** Finished tracks of the last {@code reassign.window_seconds}, by {@code camera/trackId}. */
    static final String RECENT_STORE = "recent-tracklets";

    /** A track that changed identity: its link as now stored, and the identity it had. */
    record Move(String key, TrackLink link, long previous) {
    }

    private final KeyValueStore<String, TrackLink> links;
    private final KeyValueStore<String, TrackLink> recent;
    private final TrackletAppearances appearances;
    private final IdentityGallery gallery;
    private final Calibrations calibrations;
    private final TransitRules rules;
    private final LinkerParams params;
    /** Each model's curves, looked up once a round: the clustering asks for every pair. */
    private final Map<String, Calibration> curves = new HashMap<>();

    ReassignmentRound(KeyValueStore<String, TrackLink> links, KeyValueStore<String, TrackLink> recent,
                      TrackletAppearances appearances, IdentityGallery gallery, Calibrations calibrations, TransitRules rules, LinkerParams params) {
        this.links = links;
        this.recent = recent;
        this.appearances = appearances;
        this.gallery = gallery;
        this.calibrations = calibrations;
        this.rules = rules;
        this.params = params;
    }

    List<Move> run(long nowMs) {
        curves.clear();
        Map<String, TrackLink> finished = finishedSince(nowMs - (long) (params.reassign().windowSeconds() * 1000));
        Map<String, TrackLink> live = new HashMap<>();
        try (KeyValueIterator<String, TrackLink> all = links.all()) {
            while (all.hasNext()) {
                KeyValue<String, TrackLink> e = all.next();
                if (e.value.getIdentityId() != 0) {
                    live.put(e.key, e.value);
                }
            }
        }
        List<Tracklet> tracklets = new ArrayList<>();
        finished.forEach((k, l) -> tracklets.add(tracklet(k, l, l.getAppearanceCount() == 0 ? null : l.getAppearanceSum())));
        live.forEach((k, l) -> tracklets.add(tracklet(k, l, appearances.sum(k, l))));
        if (tracklets.size() < 2) {
            return List.of();
        }
        tracklets.sort(Comparator.comparing(Tracklet::key));
        if (params.reassign().cameraBias() > 0) {
            CameraBias.remove(tracklets, params.reassign().cameraBias());
        }
        cosines(tracklets);
        Map<String, Double> gates = StrangerGate.of(tracklets, GATE_QUANTILE);
        List<List<Tracklet>> clusters = Reassignment.clusters(tracklets,
                (a, b) -> gated(a, b, gates), rules::allows,
                params.reassign().probability(), params.correctionLogOdds());
        Map<String, Long> labels = Reassignment.labels(clusters, gallery::nextId);
        List<Move> moves = new ArrayList<>();
        Set<Long> touched = new HashSet<>();
        for (Tracklet t : tracklets) {
            long now = labels.get(t.key());
            if (now == t.identity()) {
                continue;
            }
            touched.add(now);
            touched.add(t.identity());
            boolean isLive = live.containsKey(t.key());
            TrackLink before = isLive ? live.get(t.key()) : finished.get(t.key());
            TrackLink moved = before.toBuilder().setIdentityId(now).setFounder(false)
                    .setConfidence((float) probabilityWithin(t, labels, tracklets)).build();
            (isLive ? live : finished).put(t.key(), moved);
            (isLive ? links : recent).put(t.key(), moved);
            moves.add(new Move(t.key(), moved, t.identity()));
        }
        for (long id : touched) {
            rebuild(id, finished, live);
        }
        return moves;
    }

    private Map<String, TrackLink> finishedSince(long oldestMs) {
        Map<String, TrackLink> out = new HashMap<>();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, TrackLink> all = recent.all()) {
            while (all.hasNext()) {
                KeyValue<String, TrackLink> e = all.next();
                if (e.value.getLastSeenMs() < oldestMs) {
                    expired.add(e.key);
                } else {
                    out.put(e.key, e.value);
                }
            }
        }
        expired.forEach(recent::delete);
        return out;
    }

    /**
     * Below the similarity that only this share of the window's known strangers (tracks seen
     * together on one camera) stay under, a pair counts as no evidence of one person at all:
     * a tracklet-level check on the curve, which is fitted on frame-level pairs.
     */
    static final double GATE_QUANTILE = 0.99;

    private double gated(Tracklet a, Tracklet b, Map<String, Double> gates) {
        double p = probability(a, b);
        Double gate = gates.get(a.model());
        return gate != null && !Double.isNaN(p) && cosine(a, b) < gate ? 0 : p;
    }

    private double probability(Tracklet a, Tracklet b) {
        if (!a.model().equals(b.model())) {
            return Double.NaN;
        }
        return curves.computeIfAbsent(a.model(), calibrations::of).between(cosine(a, b));
    }

    /** Every pair's cosine, once a round: the clustering, the gate and the confidences ask for each many times. */
    private final Map<Tracklet, Integer> index = new java.util.IdentityHashMap<>();
    private double[][] cosine = new double[0][0];

    private void cosines(List<Tracklet> tracklets) {
        index.clear();
        int n = tracklets.size();
        cosine = new double[n][n];
        for (int i = 0; i < n; i++) {
            index.put(tracklets.get(i), i);
            for (int j = 0; j < i; j++) {
                cosine[i][j] = cosine[j][i] = tracklets.get(i).cosine(tracklets.get(j));
            }
        }
    }

    private double cosine(Tracklet a, Tracklet b) {
        Integer i = index.get(a);
        Integer j = index.get(b);
        return i == null || j == null ? a.cosine(b) : cosine[i][j];
    }

    /** The moved track's mean P(same) with the rest of its new cluster: its confidence. */
    private double probabilityWithin(Tracklet t, Map<String, Long> labels, List<Tracklet> all) {
        double sum = 0;
        int n = 0;
        for (Tracklet o : all) {
            if (o != t && labels.get(o.key()) == labels.get(t.key()).longValue()) {
                double p = probability(t, o);
                if (!Double.isNaN(p)) {
                    sum += p;
                    n++;
                }
            }
        }
        return n == 0 ? 1 : sum / n;
    }

    /**
     * The identity's record after the moves: sightings and prototypes from its tracks of the
     * window when its whole history lies there; else the moved tracks are taken out of or
     * folded into what it remembers. An identity left with nothing is removed.
     */
    private void rebuild(long id, Map<String, TrackLink> finished, Map<String, TrackLink> live) {
        List<Map.Entry<String, TrackLink>> mine = finished.entrySet().stream()
                .filter(e -> e.getValue().getIdentityId() == id)
                .sorted(Comparator.comparingLong(e -> e.getValue().getLastSeenMs())).toList();
        List<TrackLink> holders = live.values().stream().filter(l -> l.getIdentityId() == id).toList();
        IdentityRecord old = gallery.get(id);
        boolean olderHistory = old != null && old.getSightingsList().stream()
                .anyMatch(s -> !finished.containsKey(LinkKeys.link(s.getCamera(), s.getTrackId())));
        if (mine.isEmpty() && holders.isEmpty() && !olderHistory) {
            gallery.remove(id);
            return;
        }
        IdentityRecord.Builder record = (old == null ? IdentityRecord.newBuilder()
                .setSchemaVersion(io.crossview.common.serde.WireSchema.VERSION).setId(id) : old.toBuilder())
                .clearSightings().clearCameras();
        int kept = 0;
        if (old != null) {
            for (Sighting s : old.getSightingsList()) {
                String key = LinkKeys.link(s.getCamera(), s.getTrackId());
                if (!finished.containsKey(key)) {
                    record.addSightings(s);
                    kept++;
                }
            }
        }
        IdentityRecord base = record.build();
        if (!olderHistory) {
            base = base.toBuilder().clearPrototypes().build();
        }
        long first = Long.MAX_VALUE;
        long last = base.getSightingsList().stream().mapToLong(Sighting::getLastMs).max().orElse(0);
        for (Map.Entry<String, TrackLink> e : mine) {
            TrackLink l = e.getValue();
            boolean wasHere = old != null && old.getSightingsList().stream()
                    .anyMatch(s -> LinkKeys.link(s.getCamera(), s.getTrackId()).equals(e.getKey()));
            if (!olderHistory || !wasHere) {
                Calibration calibration = calibrations.of(l.getModelVersion());
                base = Prototypes.fold(base, l.getEvidence(), l.getModelVersion(), l.getLastSeenMs(), params, calibration);
            }
            base = base.toBuilder().addSightings(Sighting.newBuilder().setCamera(Presence.cameraOf(e.getKey()))
                    .setTrackId(Long.parseLong(e.getKey().substring(e.getKey().lastIndexOf('/') + 1)))
                    .setFirstMs(l.getFirstSeenMs()).setLastMs(l.getLastSeenMs())).build();
            first = Math.min(first, l.getFirstSeenMs());
            last = Math.max(last, l.getLastSeenMs());
        }
        if (base.getPrototypesCount() == 0 && !holders.isEmpty()) {
            // seeded from the evidence, as the online linker seeds an identity a track founds:
            // one way to make prototypes (seeding from the clean mean cost 0.08 on the composite)
            TrackLink h = holders.get(0);
            base = Prototypes.seed(base, h.getEvidence(), h.getModelVersion(), h.getLastSeenMs());
        }
        List<Sighting> sightings = new ArrayList<>(base.getSightingsList());
        sightings.sort(Comparator.comparingLong(Sighting::getLastMs));
        // tracklets beyond the window (and beyond the kept sightings) stay counted
        int outside = old == null ? 0 : Math.max(0, old.getTracklets() - (old.getSightingsCount() - kept));
        IdentityRecord.Builder out = base.toBuilder().clearSightings().addAllSightings(sightings)
                .setTracklets(olderHistory ? outside + mine.size() : mine.size());
        Set<String> cameras = new java.util.LinkedHashSet<>();
        sightings.forEach(s -> cameras.add(s.getCamera()));
        holders.forEach(h -> cameras.add(h.getLastFrame().getCamera()));
        out.addAllCameras(cameras);
        if (old == null || !olderHistory) {
            out.setFirstSeenMs(first == Long.MAX_VALUE ? holders.stream().mapToLong(TrackLink::getFirstSeenMs).min()
                    .orElse(0) : first);
        }
        out.setLastSeenMs(Math.max(last, holders.stream().mapToLong(TrackLink::getLastSeenMs).max().orElse(0)));
        if (!sightings.isEmpty()) {
            out.setLastCamera(sightings.get(sightings.size() - 1).getCamera());
        }
        gallery.put(out.build());
    }

    private static Vector normalised(Vector sum) {
        double norm = 0;
        for (int i = 0; i < sum.getValuesCount(); i++) {
            norm += sum.getValues(i) * sum.getValues(i);
        }
        norm = Math.sqrt(norm);
        Vector.Builder out = Vector.newBuilder();
        for (int i = 0; i < sum.getValuesCount(); i++) {
            out.addValues(norm == 0 ? 0 : (float) (sum.getValues(i) / norm));
        }
        return out.build();
    }

    /** @param cleanSum the sum of its clean observations, or null: then its latest running mean stands in */
    private static Tracklet tracklet(String key, TrackLink link, Vector cleanSum) {
        Vector v = cleanSum == null || cleanSum.getValuesCount() == 0 ? link.getEvidence() : cleanSum;
        float[] a = new float[v.getValuesCount()];
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = v.getValues(i);
            norm += a[i] * a[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < a.length; i++) {
            a[i] = norm == 0 ? 0 : (float) (a[i] / norm);
        }
        return new Tracklet(key, Presence.cameraOf(key), link.getFirstSeenMs(), link.getLastSeenMs(),
                link.getModelVersion(), a, link.getIdentityId(), Math.max(1, link.getObservations()));
    }
}
