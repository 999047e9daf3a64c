package io.crossview.matcher.query;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Prototype;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;

/** Scores gallery identities against a query vector and keeps the best k, here and across instances. */
public final class GallerySearch {
    /** Best first; ties by identity id, so every instance and every merge orders alike. */
    static final Comparator<SearchHit> BEST = Comparator.comparingDouble(SearchHit::score).reversed()
            .thenComparingLong(SearchHit::identity);
    public static final int MAX_K = 1000;

    private GallerySearch() {
    }

    /** The query at unit length, as every stored vector is, so dot products are cosines. */
    public static Embedded normalised(Embedded query) {
        float[] v = query.vector();
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw QueryException.badRequest("the query vector holds a value that is not a finite number");
            }
            sum += (double) x * x;
        }
        if (sum == 0) {
            throw QueryException.badRequest("the query vector is all zeros");
        }
        double norm = Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return new Embedded(v, query.modelVersion());
    }

    public static int checkK(int k) {
        if (k < 1 || k > MAX_K) {
            throw QueryException.badRequest("k must be between 1 and " + MAX_K + ", is " + k);
        }
        return k;
    }

    /**
     * The best dot product of the (unit) query with the identity's prototypes of the query's
     * model version, or none when it has no prototype of that version: vectors of different
     * models are never compared.
     */
    public static OptionalDouble score(IdentityRecord identity, Embedded query) {
        float[] q = query.vector();
        OptionalDouble best = OptionalDouble.empty();
        for (Prototype p : prototypesOf(identity)) {
            if (!p.getModelVersion().equals(query.modelVersion())) {
                continue;
            }
            List<Float> values = p.getVector().getValuesList();
            if (values.size() != q.length) {
                throw QueryException.badRequest("the query vector has " + q.length + " values, prototypes of model "
                        + query.modelVersion() + " have " + values.size());
            }
            double dot = 0;
            for (int i = 0; i < q.length; i++) {
                dot += (double) q[i] * values.get(i);
            }
            if (best.isEmpty() || dot > best.getAsDouble()) {
                best = OptionalDouble.of(dot);
            }
        }
        return best;
    }

    /** Its prototypes; a record from before prototypes has one, in its legacy fields. */
    static List<Prototype> prototypesOf(IdentityRecord identity) {
        List<Prototype> out = new ArrayList<>(identity.getPrototypesList());
        boolean legacy = identity.hasPrototype() && !identity.getModelVersion().isEmpty()
                && out.stream().noneMatch(p -> p.getModelVersion().equals(identity.getModelVersion()));
        if (legacy) {
            out.add(Prototype.newBuilder().setModelVersion(identity.getModelVersion())
                    .setVector(identity.getPrototype()).setTracklets(identity.getTracklets())
                    .setUpdatedMs(identity.getLastSeenMs()).build());
        }
        return out;
    }

    /** The best {@code k} of {@code gallery} for the (unit) query, best first. */
    public static List<SearchHit> top(Iterator<IdentityRecord> gallery, Embedded query, int k) {
        PriorityQueue<SearchHit> kept = new PriorityQueue<>(BEST.reversed()); // worst kept on top
        while (gallery.hasNext()) {
            IdentityRecord identity = gallery.next();
            OptionalDouble score = score(identity, query);
            if (score.isEmpty()) {
                continue;
            }
            kept.add(new SearchHit(identity.getId(), score.getAsDouble(), identity.getCamerasList(),
                    identity.getLastSeenMs()));
            if (kept.size() > k) {
                kept.poll();
            }
        }
        List<SearchHit> out = new ArrayList<>(kept);
        out.sort(BEST);
        return out;
    }

    /** The best {@code k} of the instances' answers, best first, each identity once. */
    public static List<SearchHit> merge(List<List<SearchHit>> parts, int k) {
        List<SearchHit> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort(BEST);
        Set<Long> seen = new HashSet<>();
        List<SearchHit> out = new ArrayList<>();
        for (SearchHit hit : all) {
            if (out.size() == k) {
                break;
            }
            if (seen.add(hit.identity())) {
                out.add(hit);
            }
        }
        return out;
    }
}
