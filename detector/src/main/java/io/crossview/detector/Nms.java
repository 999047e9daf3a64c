package io.crossview.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression by intersection over union. */
public final class Nms {
    private Nms() {
    }

    /**
     * Keeps the best-scoring box of every overlapping group: walks the boxes from the highest
     * score down and drops each one whose IoU with a box already kept exceeds {@code maxIou}.
     * Ties keep their input order, so the result is deterministic.
     */
    public static List<PersonBox> suppress(List<PersonBox> boxes, double maxIou) {
        if (!(maxIou >= 0 && maxIou <= 1)) {
            throw new IllegalArgumentException("NMS IoU threshold must be in [0, 1], got " + maxIou);
        }
        List<PersonBox> byScore = new ArrayList<>(boxes);
        byScore.sort(Comparator.comparingDouble(PersonBox::score).reversed());
        List<PersonBox> kept = new ArrayList<>();
        for (PersonBox candidate : byScore) {
            boolean overlaps = false;
            for (PersonBox k : kept) {
                if (k.iou(candidate) > maxIou) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
