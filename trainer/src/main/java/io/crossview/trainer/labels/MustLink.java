package io.crossview.trainer.labels;

import java.util.Arrays;

/**
 * Must-link groups: points the matcher already knows to be one person (the crops of one track), put
 * at distance 0 from each other after the k-reciprocal distances, so that DBSCAN sees them as one.
 *
 * <p>Group ids are any non-negative ints, e.g. track ids; −1 is no group.
 */
final class MustLink {
    private MustLink() {
    }

    static void check(int[] group, int n) {
        if (group == null) {
            return;
        }
        if (group.length != n) {
            throw new IllegalArgumentException(
                    "must-link group array has " + group.length + " entries for " + n + " embeddings");
        }
        for (int i = 0; i < n; i++) {
            if (group[i] < -1) {
                throw new IllegalArgumentException(
                        "must-link group of point " + i + " is " + group[i] + "; use -1 for none");
            }
        }
    }

    /** Distance 0 between every two members of one group. */
    static void apply(DistanceMatrix distances, int[] group) {
        if (group == null) {
            return;
        }
        int n = group.length;
        // Sorting (group, index) keys lines each group's members up, whatever the ids are.
        long[] keys = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (group[i] >= 0) {
                keys[count++] = ((long) group[i] << 32) | i;
            }
        }
        Arrays.sort(keys, 0, count);
        for (int from = 0; from < count; ) {
            int to = from + 1;
            while (to < count && keys[to] >>> 32 == keys[from] >>> 32) {
                to++;
            }
            for (int a = from; a < to; a++) {
                for (int b = a + 1; b < to; b++) {
                    distances.set((int) keys[a], (int) keys[b], 0f);
                }
            }
            from = to;
        }
    }
}
