package io.crossview.eval.mot;

import io.crossview.common.assignment.SparseAssignment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which rows of a ground-truth and a tracker file take part in evaluation.
 *
 * <p>{@link Mode#NONE}, the default, is py-motmetrics' MOTChallenge app: ground truth with
 * {@code conf >= 1}, predictions with {@code conf >= -1}, nothing else removed.
 *
 * <p>The TrackEval modes reproduce {@code MotChallenge2DBox.get_preprocessed_seq_data} with
 * preprocessing on, which the official MOT17/MOT20 figures use: per frame, predictions are
 * matched to all ground-truth boxes (every class and flag) by maximum summed IoU over pairs with
 * IoU >= 0.5; predictions matched to a distractor class are dropped; then only ground truth with a
 * non-zero flag and the pedestrian class (1) is kept. Predictions are not filtered by confidence.
 */
public final class MotPreprocessing {
    /** TrackEval's MOT17 distractors: person_on_vehicle, static_person, distractor, reflection. */
    public static final Set<Integer> MOT17_DISTRACTORS = Set.of(2, 7, 8, 12);
    /** MOT20 adds non_mot_vehicle. */
    public static final Set<Integer> MOT20_DISTRACTORS = Set.of(2, 6, 7, 8, 12);
    private static final int PEDESTRIAN = 1;
    private static final double EPS = Math.ulp(1.0);

    /** How rows are selected. */
    public enum Mode { NONE, TRACKEVAL_MOT17, TRACKEVAL_MOT20 }

    /** The rows kept on each side. */
    public record Filtered(List<MotRow> gt, List<MotRow> pred) {
    }

    private MotPreprocessing() {
    }

    /** Selects the rows of unfiltered files {@code rawGt} and {@code rawPred} under {@code mode}. */
    public static Filtered apply(Mode mode, List<MotRow> rawGt, List<MotRow> rawPred) {
        return switch (mode) {
            case NONE -> new Filtered(MotFile.withMinConfidence(rawGt, MotFile.GT_MIN_CONFIDENCE),
                    MotFile.withMinConfidence(rawPred, MotFile.PRED_MIN_CONFIDENCE));
            case TRACKEVAL_MOT17 -> trackEval(rawGt, rawPred, MOT17_DISTRACTORS);
            case TRACKEVAL_MOT20 -> trackEval(rawGt, rawPred, MOT20_DISTRACTORS);
        };
    }

    private static Filtered trackEval(List<MotRow> rawGt, List<MotRow> rawPred, Set<Integer> distractors) {
        Map<Integer, List<MotRow>> gtByFrame = byFrame(rawGt);
        Map<Integer, List<MotRow>> predByFrame = byFrame(rawPred);
        SparseAssignment solver = new SparseAssignment();
        // By identity: two rows may be equal as values yet only one of them matched a distractor.
        Set<MotRow> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<Integer, List<MotRow>> e : predByFrame.entrySet()) {
            List<MotRow> gts = gtByFrame.getOrDefault(e.getKey(), List.of());
            List<MotRow> preds = e.getValue();
            if (gts.isEmpty()) {
                continue;
            }
            double[][] score = new double[gts.size()][preds.size()];
            for (int i = 0; i < gts.size(); i++) {
                MotRow g = gts.get(i);
                for (int j = 0; j < preds.size(); j++) {
                    MotRow p = preds.get(j);
                    double iou = BoxIou.iou(g.x(), g.y(), g.w(), g.h(), p.x(), p.y(), p.w(), p.h());
                    score[i][j] = iou < 0.5 - EPS ? 0 : iou;
                }
            }
            int[] rowToCol = new int[gts.size()];
            solver.maxWeight(score, gts.size(), preds.size(), rowToCol);
            for (int i = 0; i < gts.size(); i++) {
                int j = rowToCol[i];
                if (j >= 0 && score[i][j] > EPS && distractors.contains(gts.get(i).cls())) {
                    dropped.add(preds.get(j));
                }
            }
        }
        List<MotRow> gt = new ArrayList<>();
        for (MotRow r : rawGt) {
            if (r.conf() != 0 && r.cls() == PEDESTRIAN) {
                gt.add(r);
            }
        }
        List<MotRow> pred = new ArrayList<>();
        for (MotRow r : rawPred) {
            if (!dropped.contains(r)) {
                pred.add(r);
            }
        }
        return new Filtered(gt, pred);
    }

    private static Map<Integer, List<MotRow>> byFrame(List<MotRow> rows) {
        Map<Integer, List<MotRow>> byFrame = new TreeMap<>();
        for (MotRow r : rows) {
            byFrame.computeIfAbsent(r.frame(), k -> new ArrayList<>()).add(r);
        }
        return byFrame;
    }
}
