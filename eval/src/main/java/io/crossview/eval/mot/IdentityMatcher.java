package io.crossview.eval.mot;

import io.crossview.common.assignment.SparseAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates what the identity measures need, then matches identities once, globally. Per frame,
 * every (ground-truth, predicted) pair within distance ({@code 1 - IoU <= 0.5}) counts one
 * potential true positive for that pair of identities, one-to-many allowed, exactly as
 * py-motmetrics' {@code extract_counts_from_df_map} and TrackEval's Identity count them. The
 * bipartite matching that minimises IDFN + IDFP is the one that maximises the summed counts of
 * matched pairs, which is what {@link #solve} computes.
 *
 * <p>Identities are keyed by id alone: feed one sequence for single-camera IDF1, or every camera
 * of a set with global ids for multi-camera IDF1 ({@link MtmcIdf1}).
 */
final class IdentityMatcher {
    private final Map<Long, Integer> gtIndex = new HashMap<>();
    private final Map<Long, Integer> predIndex = new HashMap<>();
    /** Potential true positives per (gt index, pred index) packed into one long key. */
    private final Map<Long, long[]> pairs = new HashMap<>();
    private long gtBoxes;
    private long predBoxes;

    void add(MotSequence seq) {
        double[][] iou = new double[0][0];
        for (int t = 0; t < seq.frameCount(); t++) {
            MotSequence.Frame f = seq.frame(t);
            int n = f.gtSize();
            int m = f.predSize();
            gtBoxes += n;
            predBoxes += m;
            int[] g = new int[n];
            for (int i = 0; i < n; i++) {
                g[i] = gtIndex.computeIfAbsent(f.gtIds[i], k -> gtIndex.size());
            }
            int[] p = new int[m];
            for (int j = 0; j < m; j++) {
                p[j] = predIndex.computeIfAbsent(f.predIds[j], k -> predIndex.size());
            }
            if (n == 0 || m == 0) {
                continue;
            }
            if (iou.length < n || iou[0].length < m) {
                iou = new double[Math.max(n, iou.length)][Math.max(m, iou.length == 0 ? 0 : iou[0].length)];
            }
            f.iou(iou);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    if (ClearMot.allowed(iou[i][j])) {
                        pairs.computeIfAbsent(key(g[i], p[j]), k -> new long[1])[0]++;
                    }
                }
            }
        }
    }

    /** IDTP, IDFP and IDFN under the optimal global identity matching. */
    IdScores solve() {
        // Only identities that share at least one potential match can gain from being matched.
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        List<long[]> entries = new ArrayList<>(pairs.size());
        for (Map.Entry<Long, long[]> e : pairs.entrySet()) {
            int gi = (int) (e.getKey() >>> 32);
            int pj = (int) (long) e.getKey();
            int r = rows.computeIfAbsent(gi, k -> rows.size());
            int c = cols.computeIfAbsent(pj, k -> cols.size());
            entries.add(new long[] {r, c, e.getValue()[0]});
        }
        double[][] weight = new double[rows.size()][cols.size()];
        for (long[] e : entries) {
            weight[(int) e[0]][(int) e[1]] = e[2];
        }
        int[] rowToCol = new int[rows.size()];
        new SparseAssignment().maxWeight(weight, rows.size(), cols.size(), rowToCol);
        long idtp = 0;
        for (int r = 0; r < rowToCol.length; r++) {
            if (rowToCol[r] >= 0) {
                idtp += (long) weight[r][rowToCol[r]];
            }
        }
        return new IdScores(idtp, predBoxes - idtp, gtBoxes - idtp);
    }

    private static long key(int gt, int pred) {
        return ((long) gt << 32) | (pred & 0xffffffffL);
    }
}
