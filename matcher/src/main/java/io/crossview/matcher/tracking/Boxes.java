package io.crossview.matcher.tracking;

import io.crossview.common.wire.Box;

/** Geometry of boxes. */
public final class Boxes {
    private Boxes() {
    }

    public static double iou(Box a, Box b) {
        double x0 = Math.max(a.getX(), b.getX());
        double y0 = Math.max(a.getY(), b.getY());
        double x1 = Math.min(a.getX() + a.getW(), b.getX() + b.getW());
        double y1 = Math.min(a.getY() + a.getH(), b.getY() + b.getH());
        double inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        double union = a.getW() * a.getH() + b.getW() * b.getH() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /**
     * Whether two boxes share no pixel. Pairs of people seen together are known strangers for
     * the calibration only when apart: overlapping crops show partly the same person.
     */
    public static boolean apart(Box a, Box b) {
        return iou(a, b) == 0;
    }

    /** Distance between the two boxes' centres. */
    public static double centreDistance(Box a, Box b) {
        return Math.hypot(a.getX() + a.getW() / 2.0 - (b.getX() + b.getW() / 2.0),
                a.getY() + a.getH() / 2.0 - (b.getY() + b.getH() / 2.0));
    }

    public static Box shifted(Box box, double dx, double dy) {
        return box.toBuilder().setX((float) (box.getX() + dx)).setY((float) (box.getY() + dy)).build();
    }
}
