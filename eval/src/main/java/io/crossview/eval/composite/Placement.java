package io.crossview.eval.composite;

/**
 * Where a visit puts a person's source boxes in a view: the camera's own mapping, then a scale
 * and shift of the visit's own, so that the whole stretch of the walk stays inside the picture
 * wherever the person walked in the source.
 */
public record Placement(CameraView view, double scale, double dx, double dy) {
    public Placement {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("placement scale must be positive, got " + scale);
        }
    }

    /** The view rectangle {left, top, right, bottom} of a source box, in fractional pixels. */
    public double[] rect(Box source) {
        double a = view.viewX(source.x());
        double b = view.viewX(source.right());
        return new double[] {
            Math.min(a, b) * scale + dx,
            view.viewY(source.y()) * scale + dy,
            Math.max(a, b) * scale + dx,
            view.viewY(source.bottom()) * scale + dy};
    }

    /** The rectangle rounded to whole pixels and clipped to the picture; null when none of it is inside. */
    public Box pixels(Box source) {
        double[] r = rect(source);
        int x0 = (int) Math.round(r[0]);
        int y0 = (int) Math.round(r[1]);
        int x1 = (int) Math.round(r[2]);
        int y1 = (int) Math.round(r[3]);
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        return new Box(x0, y0, x1 - x0, y1 - y0).clippedTo(view.width(), view.height());
    }
}
