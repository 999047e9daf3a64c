package io.crossview.eval.mot;

/** Intersection over union of (x, y, w, h) boxes, computed as py-motmetrics and TrackEval do. */
public final class BoxIou {
    private static final double EPS = Math.ulp(1.0);

    private BoxIou() {
    }

    /** IoU of box {@code i} of {@code a} and box {@code j} of {@code b}, both flattened (x, y, w, h). */
    public static double iou(double[] a, int i, double[] b, int j) {
        return iou(a[4 * i], a[4 * i + 1], a[4 * i + 2], a[4 * i + 3], b[4 * j], b[4 * j + 1], b[4 * j + 2], b[4 * j + 3]);
    }

    /**
     * IoU of two boxes. Both references go through corner coordinates and take areas as
     * {@code (x + w - x)·(y + h - y)}; so do we, so that thresholds tie the same way. A box of zero
     * or negative area overlaps nothing (TrackEval zeroes its intersection, py-motmetrics clamps its
     * size to 0).
     */
    public static double iou(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh) {
        double ax1 = ax + aw;
        double ay1 = ay + ah;
        double bx1 = bx + bw;
        double by1 = by + bh;
        double iw = Math.min(ax1, bx1) - Math.max(ax, bx);
        double ih = Math.min(ay1, by1) - Math.max(ay, by);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double areaA = (ax1 - ax) * (ay1 - ay);
        double areaB = (bx1 - bx) * (by1 - by);
        if (areaA <= EPS || areaB <= EPS) {
            return 0;
        }
        double inter = iw * ih;
        double union = areaA + areaB - inter;
        return union <= EPS ? 0 : inter / union;
    }
}
