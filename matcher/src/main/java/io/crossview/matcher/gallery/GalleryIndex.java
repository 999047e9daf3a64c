package io.crossview.matcher.gallery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * In-memory top-k search of a gallery's identities by appearance, which the linker keeps in
 * step with its identity store so that a decision scans arrays instead of the store.
 *
 * <p>Each identity holds, per model version, a few L2-normalised prototypes; its similarity to
 * a query of that version is the largest dot product (so, cosine) over them. Versions never
 * meet: a query searches only its own version's prototypes, and each version's dimension is
 * fixed by its first prototype (and stays fixed while the index lives, even if emptied).
 *
 * <p>Not thread-safe, not even for concurrent searches (a search reuses scratch arrays): one
 * instance belongs to one stream task, which is single-threaded.
 */
public final class GalleryIndex {
    private final Map<String, PrototypeRows> versions = new HashMap<>();
    /** In how many versions each identity has prototypes, so that size() needs no union of versions. */
    private final Map<Long, Integer> versionCounts = new HashMap<>();

    /**
     * Replaces all the identity's prototypes of {@code modelVersion}; an empty list removes them.
     * The arrays are copied. Throws {@link IllegalArgumentException}, changing nothing, when a
     * prototype's length is not the version's dimension or a value is not finite.
     */
    public void put(long identityId, String modelVersion, List<float[]> prototypes) {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(prototypes, "prototypes");
        PrototypeRows rows = versions.get(modelVersion);
        if (prototypes.isEmpty()) {
            if (rows != null && rows.remove(identityId)) {
                forget(identityId);
            }
            return;
        }
        int dimension = rows != null ? rows.dimension() : Objects.requireNonNull(prototypes.get(0), "prototype").length;
        for (int i = 0; i < prototypes.size(); i++) {
            check(prototypes.get(i), dimension, modelVersion, "prototype " + i + " of identity " + identityId);
        }
        if (rows == null) {
            rows = new PrototypeRows(dimension);
            versions.put(modelVersion, rows);
        }
        if (rows.put(identityId, prototypes)) {
            versionCounts.merge(identityId, 1, Integer::sum);
        }
    }

    /** Removes the identity's prototypes of every version. */
    public void remove(long identityId) {
        if (!versionCounts.containsKey(identityId)) {
            return;
        }
        for (PrototypeRows rows : versions.values()) {
            if (rows.remove(identityId)) {
                forget(identityId);
            }
        }
    }

    /**
     * The at most {@code k} identities of {@code modelVersion} most similar to {@code query},
     * best first, one entry per identity; equal similarities are ordered by lower identity id.
     * Only identities that {@code allowed} accepts are returned ({@code null}: all); it is asked
     * only about identities that would enter the result so far, not about every one, so it
     * should be a pure test.
     * Similarities are dot products accumulated in float. An unknown version gives no matches.
     */
    public List<Match> topK(float[] query, String modelVersion, int k, LongPredicate allowed) {
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, got " + k);
        }
        PrototypeRows rows = versions.get(modelVersion);
        int dimension = rows == null ? Objects.requireNonNull(query, "query").length : rows.dimension();
        check(query, dimension, modelVersion, "the query");
        if (rows == null || k == 0) {
            return List.of();
        }
        return rows.topK(query, k, allowed);
    }

    /** Identities with prototypes of at least one version. */
    public int size() {
        return versionCounts.size();
    }

    /** Identities with prototypes of {@code modelVersion}. */
    public int size(String modelVersion) {
        PrototypeRows rows = versions.get(modelVersion);
        return rows == null ? 0 : rows.identities();
    }

    /** Length of {@code modelVersion}'s vectors; 0 while no prototype of it has been put. */
    public int dimension(String modelVersion) {
        PrototypeRows rows = versions.get(modelVersion);
        return rows == null ? 0 : rows.dimension();
    }

    /** The identity's prototypes of {@code modelVersion} as stored, in put order; empty when none. */
    List<float[]> prototypes(long identityId, String modelVersion) {
        PrototypeRows rows = versions.get(modelVersion);
        float[][] stored = rows == null ? null : rows.prototypesOf(identityId);
        return stored == null ? List.of() : List.of(stored);
    }

    private void forget(long identityId) {
        versionCounts.computeIfPresent(identityId, (id, count) -> count == 1 ? null : count - 1);
    }

    private static void check(float[] vector, int dimension, String modelVersion, String what) {
        Objects.requireNonNull(vector, what);
        if (vector.length == 0) {
            throw new IllegalArgumentException(what + " of model version '" + modelVersion + "' is empty");
        }
        if (vector.length != dimension) {
            throw new IllegalArgumentException("model version '" + modelVersion + "' has dimension " + dimension
                    + ", but " + what + " has " + vector.length
                    + " (vectors of different model versions never mix)");
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException(what + " of model version '" + modelVersion + "' has "
                        + vector[i] + " at " + i);
            }
        }
    }
}
