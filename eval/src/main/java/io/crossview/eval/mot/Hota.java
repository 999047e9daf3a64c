package io.crossview.eval.mot;

import io.crossview.common.assignment.SparseAssignment;
import java.util.HashMap;
import java.util.Map;

/**
 * HOTA (Luiten et al. 2021, "HOTA: A Higher Order Metric for Evaluating Multi-Object Tracking")
 * computed step for step as TrackEval's {@code metrics/hota.py}:
 * <ol>
 *   <li>Over the whole sequence, each (gt id, tracker id) pair accumulates, per frame, its IoU
 *       divided by (its row sum + its column sum - itself) of the frame's IoU matrix; the global
 *       alignment score of the pair is that sum over (gt dets + tracker dets - that sum).</li>
 *   <li>Per frame, one assignment maximises the sum of alignment score · IoU (no threshold; there
 *       is no tie-break bonus in HOTA, unlike TrackEval's CLEAR, which adds 1000 to continued
 *       pairs). At each alpha the assigned pairs with IoU >= alpha - eps are the true positives.</li>
 *   <li>Per alpha: DetA = TP / (TP + FN + FP); AssA = sum over true positives of the Jaccard index
 *       TPA / (TPA + FNA + FPA) of their id pair, divided by TP; LocA = mean IoU of the true
 *       positives (1 when there are none).</li>
 * </ol>
 */
public final class Hota {
    /** Number of localisation thresholds: 0.05, 0.10, ..., 0.95. */
    public static final int ALPHAS = 19;
    private static final double EPS = Math.ulp(1.0);

    private Hota() {
    }

    /** The a-th threshold, computed as numpy's {@code arange(0.05, 0.99, 0.05)} does (start + a·step). */
    public static double alpha(int a) {
        return 0.05 + a * 0.05;
    }

    /** HOTA of one sequence; combine sequences with {@link HotaResult#combine}. */
    public static HotaResult evaluate(MotSequence seq) {
        if (seq.predCount() == 0 || seq.gtCount() == 0) {
            // TrackEval returns early: all FN (no tracker dets) or all FP (no gt dets), LocA 1.
            return seq.predCount() == 0 ? HotaResult.unmatched(seq.gtCount(), 0)
                    : HotaResult.unmatched(0, seq.predCount());
        }
        Map<Long, Integer> gtIndex = new HashMap<>();
        Map<Long, Integer> trIndex = new HashMap<>();
        long[] gtDets = new long[seq.gtCount()];
        long[] trDets = new long[seq.predCount()];
        Map<Long, double[]> potential = new HashMap<>();
        double[][] sim = new double[0][0];
        for (int t = 0; t < seq.frameCount(); t++) {
            MotSequence.Frame f = seq.frame(t);
            int[] g = index(f.gtIds, gtIndex, gtDets);
            int[] p = index(f.predIds, trIndex, trDets);
            if (g.length == 0 || p.length == 0) {
                continue;
            }
            sim = iou(f, sim);
            double[] rowSum = new double[g.length];
            double[] colSum = new double[p.length];
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    rowSum[i] += sim[i][j];
                    colSum[j] += sim[i][j];
                }
            }
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    double denom = colSum[j] + rowSum[i] - sim[i][j];
                    if (sim[i][j] > 0 && denom > EPS) {
                        potential.computeIfAbsent(key(g[i], p[j]), k -> new double[1])[0] += sim[i][j] / denom;
                    }
                }
            }
        }

        long[] tp = new long[ALPHAS];
        long[] fn = new long[ALPHAS];
        long[] fp = new long[ALPHAS];
        double[] locSum = new double[ALPHAS];
        Map<Long, long[]> matches = new HashMap<>();
        SparseAssignment solver = new SparseAssignment();
        double[][] score = new double[0][0];
        int[] rowToCol = new int[0];
        for (int t = 0; t < seq.frameCount(); t++) {
            MotSequence.Frame f = seq.frame(t);
            int n = f.gtSize();
            int m = f.predSize();
            if (n == 0 || m == 0) {
                for (int a = 0; a < ALPHAS; a++) {
                    fn[a] += n;
                    fp[a] += m;
                }
                continue;
            }
            sim = iou(f, sim);
            if (score.length < sim.length || score[0].length < sim[0].length) {
                score = new double[sim.length][sim[0].length];
                rowToCol = new int[sim.length];
            }
            int[] g = new int[n];
            int[] p = new int[m];
            for (int i = 0; i < n; i++) {
                g[i] = gtIndex.get(f.gtIds[i]);
            }
            for (int j = 0; j < m; j++) {
                p[j] = trIndex.get(f.predIds[j]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double[] pot = sim[i][j] > 0 ? potential.get(key(g[i], p[j])) : null;
                    double align = pot == null ? 0 : pot[0] / (gtDets[g[i]] + trDets[p[j]] - pot[0]);
                    score[i][j] = align * sim[i][j];
                }
            }
            solver.maxWeight(score, n, m, rowToCol);
            for (int a = 0; a < ALPHAS; a++) {
                double threshold = alpha(a) - EPS;
                int hits = 0;
                for (int i = 0; i < n; i++) {
                    int j = rowToCol[i];
                    if (j >= 0 && sim[i][j] >= threshold) {
                        hits++;
                        locSum[a] += sim[i][j];
                        matches.computeIfAbsent(key(g[i], p[j]), k -> new long[ALPHAS])[a]++;
                    }
                }
                tp[a] += hits;
                fn[a] += n - hits;
                fp[a] += m - hits;
            }
        }

        double[] assA = new double[ALPHAS];
        double[] locA = new double[ALPHAS];
        double[] assSum = new double[ALPHAS];
        for (Map.Entry<Long, long[]> e : matches.entrySet()) {
            int gi = (int) (e.getKey() >>> 32);
            int pj = (int) (long) e.getKey();
            for (int a = 0; a < ALPHAS; a++) {
                long tpa = e.getValue()[a];
                if (tpa > 0) {
                    assSum[a] += tpa * (tpa / Math.max(1.0, gtDets[gi] + trDets[pj] - tpa));
                }
            }
        }
        for (int a = 0; a < ALPHAS; a++) {
            assA[a] = assSum[a] / Math.max(1.0, tp[a]);
            locA[a] = Math.max(1e-10, locSum[a]) / Math.max(1e-10, tp[a]);
        }
        return new HotaResult(tp, fn, fp, assA, locA);
    }

    private static int[] index(long[] ids, Map<Long, Integer> index, long[] dets) {
        int[] idx = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            idx[i] = index.computeIfAbsent(ids[i], k -> index.size());
            dets[idx[i]]++;
        }
        return idx;
    }

    private static double[][] iou(MotSequence.Frame f, double[][] buf) {
        int n = f.gtSize();
        int m = f.predSize();
        if (buf.length < n || buf[0].length < m) {
            buf = new double[Math.max(n, buf.length)][Math.max(m, buf.length == 0 ? 0 : buf[0].length)];
        }
        f.iou(buf);
        return buf;
    }

    private static long key(int gt, int pred) {
        return ((long) gt << 32) | (pred & 0xffffffffL);
    }
}
