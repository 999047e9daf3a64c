package io.crossview.eval.mot;

import io.crossview.common.assignment.SparseAssignment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * CLEAR MOT metrics (Bernardin and Stiefelhagen 2008) with the matching rules of py-motmetrics'
 * {@code MOTAccumulator.update}, frame by frame in ascending order:
 * <ol>
 *   <li>a ground-truth object matched in the previous processed frame keeps its hypothesis if that
 *       hypothesis is present and still within distance ({@code 1 - IoU <= 0.5});</li>
 *   <li>the remaining objects and hypotheses are paired by min-cost assignment on {@code 1 - IoU}
 *       (most pairs first, then least cost); a pairing is an ID switch when the object's last
 *       hypothesis, however long ago, was a different one;</li>
 *   <li>unpaired objects are misses (FN), unpaired hypotheses false positives.</li>
 * </ol>
 * "Previous processed frame" is the previous frame holding any box, as py-motmetrics walks the
 * union of frame ids. Per object: tracked ratio = matched frames / frames present; MT when it is at
 * least 0.8, ML when below 0.2, PT otherwise; a fragmentation is a run of misses between two
 * matched frames of the object (py-motmetrics {@code num_fragmentations}).
 */
public final class ClearMot {
    /** py-motmetrics' {@code distth=0.5}: a pair is allowed while {@code 1 - IoU <= 0.5}. */
    public static final double MAX_DISTANCE = 0.5;

    private ClearMot() {
    }

    /** Counts of one sequence, or pooled over several with {@link #plus}. */
    public record Counts(long numObjects, long numPredictions, long matches, long switches,
                         long falsePositives, long misses, long fragmentations,
                         long mostlyTracked, long partiallyTracked, long mostlyLost, double iouSum) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Matched objects, ID switches included (py-motmetrics {@code num_detections}). */
        public long detections() {
            return matches + switches;
        }

        /** 1 - (FN + FP + IDSW) / objects; NaN or -infinity without objects, as py-motmetrics divides. */
        public double mota() {
            return 1.0 - (double) (misses + switches + falsePositives) / numObjects;
        }

        /** Mean IoU of matched pairs, as TrackEval reports MOTP (py-motmetrics reports 1 minus it). */
        public double motp() {
            return iouSum / detections();
        }

        public double recall() {
            return (double) detections() / numObjects;
        }

        public double precision() {
            return (double) detections() / (falsePositives + detections());
        }

        /** Counts pooled over two sets of sequences: sums, as py-motmetrics' OVERALL row. */
        public Counts plus(Counts o) {
            return new Counts(numObjects + o.numObjects, numPredictions + o.numPredictions, matches + o.matches,
                    switches + o.switches, falsePositives + o.falsePositives, misses + o.misses,
                    fragmentations + o.fragmentations, mostlyTracked + o.mostlyTracked,
                    partiallyTracked + o.partiallyTracked, mostlyLost + o.mostlyLost, iouSum + o.iouSum);
        }
    }

    /** Per-object history; {@code lastMatch} is the frame index of its last match, -2 if none. */
    private static final class Track {
        long lastHyp;
        int lastMatch = -2;
        long present;
        long tracked;
        boolean missRun;
        long fragments;
    }

    /** Evaluates one sequence. */
    public static Counts evaluate(MotSequence seq) {
        Map<Long, Track> tracks = new HashMap<>();
        SparseAssignment solver = new SparseAssignment();
        double[][] iou = new double[0][0];
        double[][] cost = new double[0][0];
        int[] rowToCol = new int[0];
        long matches = 0;
        long switches = 0;
        long fp = 0;
        long fn = 0;
        double iouSum = 0;
        for (int t = 0; t < seq.frameCount(); t++) {
            MotSequence.Frame f = seq.frame(t);
            int n = f.gtSize();
            int m = f.predSize();
            if (iou.length < n || (n > 0 && iou[0].length < m)) {
                iou = new double[Math.max(n, iou.length)][Math.max(m, iou.length == 0 ? 0 : iou[0].length)];
                cost = new double[iou.length][iou[0].length];
            }
            if (rowToCol.length < n) {
                rowToCol = new int[n];
            }
            int[] hypOf = new int[n];
            Arrays.fill(hypOf, -1);
            boolean[] taken = new boolean[m];
            Track[] rowTrack = new Track[n];
            for (int i = 0; i < n; i++) {
                rowTrack[i] = tracks.computeIfAbsent(f.gtIds[i], k -> new Track());
            }
            if (n > 0 && m > 0) {
                f.iou(iou);
                // 1. Keep last frame's pairs that are still close enough.
                for (int i = 0; i < n; i++) {
                    Track tr = rowTrack[i];
                    if (tr.lastMatch != t - 1) {
                        continue;
                    }
                    for (int j = 0; j < m; j++) {
                        if (!taken[j] && f.predIds[j] == tr.lastHyp) {
                            if (allowed(iou[i][j])) {
                                hypOf[i] = j;
                                taken[j] = true;
                                matches++;
                                iouSum += iou[i][j];
                            }
                            break;
                        }
                    }
                }
                // 2. Assignment on the rest; forbidden pairs (NaN) never pair.
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        cost[i][j] = hypOf[i] < 0 && !taken[j] && allowed(iou[i][j]) ? 1 - iou[i][j] : Double.NaN;
                    }
                }
                solver.minCost(cost, n, m, rowToCol);
                for (int i = 0; i < n; i++) {
                    int j = rowToCol[i];
                    if (j < 0) {
                        continue;
                    }
                    Track tr = rowTrack[i];
                    if (tr.lastMatch != -2 && tr.lastHyp != f.predIds[j]) {
                        switches++;
                    } else {
                        matches++;
                    }
                    hypOf[i] = j;
                    taken[j] = true;
                    iouSum += iou[i][j];
                }
            }
            for (int i = 0; i < n; i++) {
                Track tr = rowTrack[i];
                tr.present++;
                if (hypOf[i] >= 0) {
                    if (tr.missRun) {
                        tr.fragments++;
                        tr.missRun = false;
                    }
                    tr.tracked++;
                    tr.lastHyp = f.predIds[hypOf[i]];
                    tr.lastMatch = t;
                } else {
                    fn++;
                    // A miss only fragments a track once the object has been matched before.
                    tr.missRun = tr.lastMatch != -2;
                }
            }
            for (int j = 0; j < m; j++) {
                if (!taken[j]) {
                    fp++;
                }
            }
        }
        long frag = 0;
        long mt = 0;
        long pt = 0;
        long ml = 0;
        for (Track tr : tracks.values()) {
            frag += tr.fragments;
            double ratio = (double) tr.tracked / tr.present;
            if (ratio >= 0.8) {
                mt++;
            } else if (ratio >= 0.2) {
                pt++;
            } else {
                ml++;
            }
        }
        return new Counts(seq.gtCount(), seq.predCount(), matches, switches, fp, fn, frag, mt, pt, ml, iouSum);
    }

    /** py-motmetrics' {@code iou_matrix}: a pair is NaN (do not pair) when {@code 1 - IoU > 0.5}. */
    static boolean allowed(double iou) {
        return !(1 - iou > MAX_DISTANCE);
    }
}
