package io.crossview.matcher.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class GalleryIndexTest {
    private static final String V1 = "builtin-appearance@1";
    private static final String V2 = "osnet@7";
    /** Float rounding of a short dot product of unit vectors is far below this. */
    private static final double EPS = 1e-5;

    /** What the index must agree with: every identity's prototypes, per version, in plain maps. */
    private static final class Reference {
        final Map<String, Map<Long, List<float[]>>> byVersion = new HashMap<>();

        void put(long id, String version, List<float[]> prototypes) {
            Map<Long, List<float[]>> identities = byVersion.computeIfAbsent(version, v -> new HashMap<>());
            if (prototypes.isEmpty()) {
                identities.remove(id);
            } else {
                identities.put(id, prototypes);
            }
        }

        void remove(long id) {
            byVersion.values().forEach(identities -> identities.remove(id));
        }

        int size() {
            return (int) byVersion.values().stream().flatMap(m -> m.keySet().stream()).distinct().count();
        }

        /** Every allowed identity's similarity, in double: the obviously right answer. */
        Map<Long, Double> similarities(float[] query, String version, LongPredicate allowed) {
            Map<Long, Double> out = new HashMap<>();
            byVersion.getOrDefault(version, Map.of()).forEach((id, prototypes) -> {
                if (allowed == null || allowed.test(id)) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (float[] p : prototypes) {
                        double dot = 0;
                        for (int i = 0; i < p.length; i++) {
                            dot += (double) p[i] * query[i];
                        }
                        best = Math.max(best, dot);
                    }
                    out.put(id, best);
                }
            });
            return out;
        }

        /**
         * Asserts that {@code actual} is a right top-k: the index sums in float, the reference in
         * double, so identities whose similarities differ by less than that rounding may swap;
         * anything else is wrong.
         */
        void assertTopK(float[] query, String version, int k, LongPredicate allowed, List<Match> actual,
                        String what) {
            Map<Long, Double> all = similarities(query, version, allowed);
            List<Double> expected = all.values().stream().sorted(Comparator.reverseOrder())
                    .limit(k).toList();
            assertEquals(expected.size(), actual.size(), what + ": size");
            assertEquals(expected.size(), actual.stream().map(Match::identityId).distinct().count(),
                    what + ": an identity twice");
            for (int i = 0; i < expected.size(); i++) {
                Match m = actual.get(i);
                assertTrue(all.containsKey(m.identityId()), what + ": identity " + m.identityId() + " not expected");
                assertEquals(all.get(m.identityId()), m.similarity(), EPS, what + ": similarity of " + m.identityId());
                assertEquals(expected.get(i), m.similarity(), EPS, what + ": rank " + i);
            }
        }
    }

    @Test
    void topKEqualsBruteForceOverSeveralPrototypesAndTwoVersions() {
        Random rnd = new Random(3);
        GalleryIndex index = new GalleryIndex();
        Reference reference = new Reference();
        // 37 exercises the unrolled loop and its tail, 3 only the tail
        Map<String, Integer> dimensions = dimensions(V1, 37, V2, 3);
        for (int n = 0; n < 400; n++) {
            long id = rnd.nextLong();
            for (String version : dimensions.keySet()) {
                if (rnd.nextInt(4) > 0) {
                    List<float[]> prototypes = prototypes(rnd, 1 + rnd.nextInt(4), dimensions.get(version));
                    index.put(id, version, prototypes);
                    reference.put(id, version, prototypes);
                }
            }
        }
        for (String version : dimensions.keySet()) {
            for (int q = 0; q < 20; q++) {
                float[] query = unit(rnd, dimensions.get(version));
                for (int k : new int[] {1, 5, 10, 64, 1000}) {
                    reference.assertTopK(query, version, k, null, index.topK(query, version, k, null),
                            version + " k=" + k);
                }
            }
        }
        assertEquals(reference.size(), index.size());
    }

    @Test
    void versionsNeverMeet() {
        GalleryIndex index = new GalleryIndex();
        index.put(1, V1, List.of(new float[] {1, 0, 0}));
        index.put(2, V2, List.of(new float[] {1, 0}));
        index.put(3, V2, List.of(new float[] {0, 1}));

        assertEquals(List.of(new Match(1, 1.0)), index.topK(new float[] {1, 0, 0}, V1, 10, null));
        assertEquals(List.of(2L, 3L), ids(index.topK(new float[] {1, 0}, V2, 10, null)));
        assertEquals(3, index.dimension(V1));
        assertEquals(2, index.dimension(V2));
        assertEquals(0, index.dimension("unknown"));
        assertEquals(1, index.size(V1));
        assertEquals(2, index.size(V2));
        assertEquals(3, index.size());
        assertEquals(List.of(), index.topK(new float[] {1, 0}, "unknown", 10, null));

        // an identity in both versions counts once; emptying one version keeps the other
        index.put(2, V1, List.of(new float[] {0, 1, 0}));
        assertEquals(3, index.size());
        index.put(2, V2, List.of());
        assertEquals(List.of(3L), ids(index.topK(new float[] {1, 0}, V2, 10, null)));
        assertEquals(List.of(1L, 2L), ids(index.topK(new float[] {1, 0, 0}, V1, 10, null)));
        assertEquals(3, index.size());
    }

    @Test
    void removeDropsTheIdentityFromEveryVersion() {
        GalleryIndex index = new GalleryIndex();
        index.put(5, V1, List.of(new float[] {1, 0}));
        index.put(5, V2, List.of(new float[] {0, 0, 1}));
        index.put(6, V1, List.of(new float[] {0, 1}));
        index.remove(5);
        index.remove(42);

        assertEquals(1, index.size());
        assertEquals(1, index.size(V1));
        assertEquals(0, index.size(V2));
        assertEquals(List.of(6L), ids(index.topK(new float[] {1, 0}, V1, 10, null)));
        assertEquals(List.of(), index.topK(new float[] {0, 0, 1}, V2, 10, null));
        assertEquals(3, index.dimension(V2), "a version's dimension outlives its identities");
    }

    @Test
    void putReplacesEveryPrototypeOfThatVersion() {
        GalleryIndex index = new GalleryIndex();
        index.put(1, V1, List.of(new float[] {1, 0}, new float[] {0, 1}));
        index.put(1, V1, List.of(new float[] {-1, 0}));

        List<Match> found = index.topK(new float[] {0, 1}, V1, 10, null);
        assertEquals(List.of(new Match(1, 0.0)), found);
        assertEquals(1, index.prototypes(1, V1).size());
    }

    @Test
    void manyRandomPutsAndRemovesKeepEveryIdentitysRowsRight() {
        Random rnd = new Random(17);
        GalleryIndex index = new GalleryIndex();
        Reference reference = new Reference();
        Map<String, Integer> dimensions = dimensions(V1, 9, V2, 4);
        List<String> versions = List.copyOf(dimensions.keySet());
        for (int op = 0; op < 6000; op++) {
            // few ids, so puts often replace and removes often hit
            long id = rnd.nextInt(120);
            String version = versions.get(rnd.nextInt(versions.size()));
            int what = rnd.nextInt(10);
            if (what < 6) {
                List<float[]> prototypes = prototypes(rnd, 1 + rnd.nextInt(5), dimensions.get(version));
                index.put(id, version, prototypes);
                reference.put(id, version, prototypes);
            } else if (what < 8) {
                index.put(id, version, List.of());
                reference.put(id, version, List.of());
            } else {
                index.remove(id);
                reference.remove(id);
            }
            if (op % 200 == 0 || op == 5999) {
                assertAgrees(reference, index, dimensions, rnd, "after op " + op);
            }
        }
    }

    @Test
    void onlyAllowedIdentitiesAreReturned() {
        Random rnd = new Random(5);
        GalleryIndex index = new GalleryIndex();
        Reference reference = new Reference();
        for (long id = 0; id < 200; id++) {
            List<float[]> prototypes = prototypes(rnd, 2, 16);
            index.put(id, V1, prototypes);
            reference.put(id, V1, prototypes);
        }
        LongPredicate odd = id -> id % 2 == 1;
        for (int q = 0; q < 10; q++) {
            float[] query = unit(rnd, 16);
            List<Match> found = index.topK(query, V1, 10, odd);
            assertEquals(10, found.size());
            assertTrue(found.stream().allMatch(m -> odd.test(m.identityId())), found.toString());
            reference.assertTopK(query, V1, 10, odd, found, "query " + q);
        }
        assertEquals(List.of(), index.topK(unit(rnd, 16), V1, 10, id -> false));
    }

    @Test
    void aPrototypeOfAnotherDimensionIsRefusedAndChangesNothing() {
        GalleryIndex index = new GalleryIndex();
        index.put(1, V1, List.of(new float[] {1, 0, 0}));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.put(2, V1, List.of(new float[] {1, 0, 0}, new float[] {1, 0, 0, 0})));
        assertTrue(e.getMessage().contains("dimension 3") && e.getMessage().contains("has 4"), e.getMessage());
        assertEquals(1, index.size());
        assertEquals(1, index.size(V1));

        assertThrows(IllegalArgumentException.class, () -> index.put(1, V1, List.of(new float[] {1, 0})));
        assertArrayEquals(new float[] {1, 0, 0}, index.prototypes(1, V1).get(0));
        assertThrows(IllegalArgumentException.class, () -> index.topK(new float[] {1, 0}, V1, 1, null));
        // the first put of a version fixes its dimension for the whole list
        assertThrows(IllegalArgumentException.class,
                () -> index.put(3, V2, List.of(new float[] {1, 0}, new float[] {1, 0, 0})));
        assertEquals(0, index.dimension(V2));
    }

    @Test
    void nonFiniteValuesAreRefused() {
        GalleryIndex index = new GalleryIndex();
        assertThrows(IllegalArgumentException.class, () -> index.put(1, V1, List.of(new float[] {Float.NaN, 0})));
        index.put(1, V1, List.of(new float[] {1, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> index.topK(new float[] {Float.POSITIVE_INFINITY, 0}, V1, 1, null));
        assertThrows(IllegalArgumentException.class, () -> index.topK(new float[] {1, 0}, V1, -1, null));
    }

    @Test
    void kLargerThanTheGalleryReturnsEachIdentityOnce() {
        GalleryIndex index = new GalleryIndex();
        index.put(10, V1, List.of(new float[] {1, 0}, new float[] {0.6f, 0.8f}, new float[] {0, 1}));
        index.put(20, V1, List.of(new float[] {0.8f, 0.6f}, new float[] {-1, 0}));

        List<Match> found = index.topK(new float[] {1, 0}, V1, 1000, null);
        assertEquals(List.of(new Match(10, 1.0), new Match(20, 0.8f)), found);
        assertEquals(List.of(), index.topK(new float[] {1, 0}, V1, 0, null));
    }

    @Test
    void equalSimilaritiesGoToTheLowerIdentityId() {
        GalleryIndex index = new GalleryIndex();
        for (long id : new long[] {9, 3, -4, 7}) {
            index.put(id, V1, List.of(new float[] {0.6f, 0.8f}));
        }
        index.put(1, V1, List.of(new float[] {0, 1}));

        assertEquals(List.of(-4L, 3L, 7L), ids(index.topK(new float[] {0.6f, 0.8f}, V1, 3, null)));
        assertEquals(List.of(-4L, 3L, 7L, 9L, 1L), ids(index.topK(new float[] {0.6f, 0.8f}, V1, 10, null)));
    }

    @Test
    void putCopiesThePrototypes() {
        GalleryIndex index = new GalleryIndex();
        float[] prototype = {1, 0};
        index.put(1, V1, List.of(prototype));
        prototype[0] = -1;

        assertEquals(List.of(new Match(1, 1.0)), index.topK(new float[] {1, 0}, V1, 1, null));
    }

    private static void assertAgrees(Reference reference, GalleryIndex index, Map<String, Integer> dimensions,
                                     Random rnd, String when) {
        assertEquals(reference.size(), index.size(), when);
        for (var version : reference.byVersion.entrySet()) {
            assertEquals(version.getValue().size(), index.size(version.getKey()), when);
            version.getValue().forEach((id, expected) -> {
                List<float[]> stored = index.prototypes(id, version.getKey());
                assertEquals(expected.size(), stored.size(), when + ", identity " + id);
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i), stored.get(i), when + ", identity " + id + " prototype " + i);
                }
            });
            float[] query = unit(rnd, dimensions.get(version.getKey()));
            reference.assertTopK(query, version.getKey(), Integer.MAX_VALUE, null,
                    index.topK(query, version.getKey(), Integer.MAX_VALUE, null), when);
        }
    }

    /** In insertion order, so that a seed always gives the same data (Map.of's order changes per run). */
    private static Map<String, Integer> dimensions(String a, int dimA, String b, int dimB) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put(a, dimA);
        out.put(b, dimB);
        return out;
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::identityId).toList();
    }

    private static List<float[]> prototypes(Random rnd, int count, int dimension) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(unit(rnd, dimension));
        }
        return out;
    }

    static float[] unit(Random rnd, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) rnd.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
