package io.crossview.matcher.linking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The periodic second look at the online decisions: the tracks of a recent window, each with
 * its whole clean appearance instead of the few frames it was decided on, clustered again
 * jointly. Average-linkage agglomeration on the calibrated P(same person), under cannot-links
 * (two tracks at once on one camera, or on two cameras that do not overlap) and the transit
 * rules between a cluster's consecutive sightings; then each cluster keeps the identity id most
 * of its frames already carried, so ids stay stable and only real moves are corrections.
 */
final class Reassignment {
    /** P(same person) of two tracklets; NaN when they cannot be compared (different models). */
    @FunctionalInterface
    interface PairProbability {
        double of(Tracklet a, Tracklet b);
    }

    @FunctionalInterface
    interface Transits {
        /** As {@link TransitRules#allows}: gap from the last sighting on {@code from} to the first on {@code to}. */
        boolean allows(String from, String to, long gapMs);
    }

    private Reassignment() {
    }

    /**
     * Clusters of the tracklets, each a list; every tracklet is in exactly one. The online
     * identities are the starting clusters (what they joined stays joined unless a track fits
     * elsewhere clearly better); clusters then merge best pair first while their mean pair
     * probability reaches {@code threshold}; last, a track moves to another cluster whose mean
     * probability beats its own by {@code moveLogOdds}.
     */
    static List<List<Tracklet>> clusters(List<Tracklet> tracklets, PairProbability probability, Transits transits,
                                         double threshold, double moveLogOdds) {
        int n = tracklets.size();
        double[][] p = new double[n][n];
        boolean[][] conflict = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                Tracklet a = tracklets.get(i);
                Tracklet b = tracklets.get(j);
                double q = probability.of(a, b);
                boolean c = Double.isNaN(q) || a.overlapsInTime(b)
                        && (a.camera().equals(b.camera()) || !transits.allows(a.camera(), b.camera(), -1));
                conflict[i][j] = conflict[j][i] = c;
                p[i][j] = p[j][i] = c ? 0 : q;
            }
        }
        Map<Long, List<Integer>> byIdentity = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byIdentity.computeIfAbsent(tracklets.get(i).identity(), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byIdentity.values());
        merge(groups, p, conflict, tracklets, transits, threshold);
        refine(groups, p, conflict, tracklets, transits, moveLogOdds);
        List<List<Tracklet>> out = new ArrayList<>();
        for (List<Integer> g : groups) {
            if (!g.isEmpty()) {
                out.add(g.stream().map(tracklets::get).toList());
            }
        }
        return out;
    }

    private static void merge(List<List<Integer>> groups, double[][] p, boolean[][] conflict, List<Tracklet> tracklets,
                              Transits transits, double threshold) {
        int k = groups.size();
        double[][] sum = new double[k][k];
        int[][] count = new int[k][k];
        boolean[][] cannot = new boolean[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                for (int i : groups.get(a)) {
                    for (int j : groups.get(b)) {
                        sum[a][b] += p[i][j];
                        count[a][b]++;
                        cannot[a][b] |= conflict[i][j];
                    }
                }
                sum[b][a] = sum[a][b];
                count[b][a] = count[a][b];
                cannot[b][a] = cannot[a][b];
            }
        }
        while (true) {
            int bestA = -1;
            int bestB = -1;
            double best = threshold;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    if (!groups.get(a).isEmpty() && !groups.get(b).isEmpty() && !cannot[a][b]
                            && sum[a][b] / count[a][b] >= best) {
                        best = sum[a][b] / count[a][b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) {
                return;
            }
            List<Integer> merged = new ArrayList<>(groups.get(bestA));
            merged.addAll(groups.get(bestB));
            if (!consistent(merged.stream().map(tracklets::get).toList(), transits)) {
                cannot[bestA][bestB] = cannot[bestB][bestA] = true;
                continue;
            }
            groups.set(bestA, merged);
            groups.set(bestB, new ArrayList<>());
            for (int x = 0; x < k; x++) {
                if (x != bestA && !groups.get(x).isEmpty()) {
                    sum[bestA][x] = sum[x][bestA] = sum[bestA][x] + sum[bestB][x];
                    count[bestA][x] = count[x][bestA] = count[bestA][x] + count[bestB][x];
                    cannot[bestA][x] = cannot[x][bestA] = cannot[bestA][x] || cannot[bestB][x];
                }
            }
        }
    }

    /** One pass of single-track moves: a track goes where it fits clearly better than among its own. */
    private static void refine(List<List<Integer>> groups, double[][] p, boolean[][] conflict, List<Tracklet> tracklets,
                               Transits transits, double moveLogOdds) {
        for (int i = 0; i < tracklets.size(); i++) {
            int home = -1;
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).contains(i)) {
                    home = g;
                }
            }
            double own = mean(i, groups.get(home), p);
            int target = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < groups.size(); g++) {
                List<Integer> group = groups.get(g);
                if (g == home || group.isEmpty()) {
                    continue;
                }
                int me = i;
                boolean blocked = group.stream().anyMatch(j -> conflict[me][j]);
                double m = mean(i, group, p);
                if (!blocked && m > best) {
                    best = m;
                    target = g;
                }
            }
            if (target < 0 || Double.isNaN(own) || logit(best) < logit(own) + moveLogOdds) {
                continue;
            }
            List<Integer> moved = new ArrayList<>(groups.get(target));
            moved.add(i);
            if (consistent(moved.stream().map(tracklets::get).toList(), transits)) {
                groups.get(home).remove(Integer.valueOf(i));
                groups.set(target, moved);
            }
        }
    }

    private static double mean(int i, List<Integer> group, double[][] p) {
        double sum = 0;
        int n = 0;
        for (int j : group) {
            if (j != i) {
                sum += p[i][j];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double logit(double q) {
        return io.crossview.matcher.calibration.Calibration.logit(q);
    }

    /** Each sighting reached from the one before it (the latest to end before it starts) within the transit rules. */
    static boolean consistent(List<Tracklet> cluster, Transits transits) {
        for (Tracklet next : cluster) {
            Tracklet before = null;
            for (Tracklet t : cluster) {
                if (t.lastMs() < next.firstMs() && (before == null || t.lastMs() > before.lastMs())) {
                    before = t;
                }
            }
            if (before != null && !before.camera().equals(next.camera())
                    && !transits.allows(before.camera(), next.camera(), next.firstMs() - before.lastMs())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The identity id of every tracklet after the re-clustering: each cluster keeps the id that
     * most of its frames carried, clusters asking for one id settled by frames, and a cluster
     * that gets none of its own ids is a new identity.
     */
    static Map<String, Long> labels(List<List<Tracklet>> clusters, LongSupplier newId) {
        record Vote(int cluster, long identity, long frames) {
        }
        List<Vote> votes = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<Long, Long> frames = new HashMap<>();
            for (Tracklet t : clusters.get(c)) {
                frames.merge(t.identity(), (long) t.weight(), Long::sum);
            }
            for (Map.Entry<Long, Long> e : frames.entrySet()) {
                votes.add(new Vote(c, e.getKey(), e.getValue()));
            }
        }
        votes.sort(Comparator.comparingLong(Vote::frames).reversed().thenComparingLong(Vote::identity));
        Map<Integer, Long> chosen = new HashMap<>();
        Set<Long> taken = new HashSet<>();
        for (Vote v : votes) {
            if (!chosen.containsKey(v.cluster()) && !taken.contains(v.identity())) {
                chosen.put(v.cluster(), v.identity());
                taken.add(v.identity());
            }
        }
        Map<String, Long> out = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            long id = chosen.computeIfAbsent(c, k -> newId.getAsLong());
            for (Tracklet t : clusters.get(c)) {
                out.put(t.key(), id);
            }
        }
        return out;
    }
}
