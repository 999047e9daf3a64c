package io.crossview.detector.yolo;

import io.crossview.detector.Nms;
import io.crossview.detector.PersonBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The boxes of one picture as a decoder finds them, corners in input coordinates: mapped back
 * through the letterbox, clipped to the picture, dropped when smaller than the minimum, then
 * suppressed class by class.
 */
final class PictureBoxes {
    private final Letterbox letterbox;
    private final int pictureWidth;
    private final int pictureHeight;
    private final int minBoxSize;
    private final double nmsIou;
    private final Map<Integer, List<PersonBox>> byClass = new TreeMap<>();

    PictureBoxes(Letterbox letterbox, int pictureWidth, int pictureHeight, YoloSettings settings) {
        this.letterbox = letterbox;
        this.pictureWidth = pictureWidth;
        this.pictureHeight = pictureHeight;
        this.minBoxSize = settings.minBoxSize();
        this.nmsIou = settings.nmsIou();
    }

    /** A candidate with corners (x0, y0) and (x1, y1) in input pixels. */
    void add(double x0, double y0, double x1, double y1, double score, int classId) {
        double left = letterbox.toPictureX(x0);
        double top = letterbox.toPictureY(y0);
        double right = letterbox.toPictureX(x1);
        double bottom = letterbox.toPictureY(y1);
        if (!(Double.isFinite(left) && Double.isFinite(top) && Double.isFinite(right) && Double.isFinite(bottom))) {
            return;
        }
        long l = Math.round(Math.max(0, left));
        long t = Math.round(Math.max(0, top));
        long r = Math.round(Math.min(pictureWidth, right));
        long b = Math.round(Math.min(pictureHeight, bottom));
        if (r - l < minBoxSize || b - t < minBoxSize) {
            return;
        }
        byClass.computeIfAbsent(classId, k -> new ArrayList<>())
                .add(new PersonBox((int) l, (int) t, (int) (r - l), (int) (b - t), score, classId));
    }

    /** The kept boxes, best first. */
    List<PersonBox> result() {
        List<PersonBox> kept = new ArrayList<>();
        byClass.values().forEach(boxes -> kept.addAll(Nms.suppress(boxes, nmsIou)));
        kept.sort(Comparator.comparingDouble(PersonBox::score).reversed());
        return kept;
    }
}
