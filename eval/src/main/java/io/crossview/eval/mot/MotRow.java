package io.crossview.eval.mot;

/**
 * One row of a MOTChallenge text file: a box of object {@code id} in {@code frame}, top-left
 * corner and size in pixels, then the confidence / consider flag, class and visibility columns
 * (-1 where a file leaves them out or marks them unused).
 */
public record MotRow(int frame, long id, double x, double y, double w, double h,
                     double conf, int cls, double visibility) {

    public MotRow {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(w) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("box of frame " + frame + " id " + id + " is not finite");
        }
    }

    /** A row with only the columns the metrics read; conf 1 so every gt filter keeps it. */
    public static MotRow of(int frame, long id, double x, double y, double w, double h) {
        return new MotRow(frame, id, x, y, w, h, 1, -1, -1);
    }
}
