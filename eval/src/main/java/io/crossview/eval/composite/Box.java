package io.crossview.eval.composite;

/** An axis-aligned pixel box of the source video: left and top 0-based, right and bottom exclusive. */
public record Box(int x, int y, int w, int h) {
    public Box {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("box must have a positive size, got " + w + "x" + h);
        }
    }

    public int right() {
        return x + w;
    }

    public int bottom() {
        return y + h;
    }

    public long area() {
        return (long) w * h;
    }

    public double centreX() {
        return x + w / 2.0;
    }

    public double centreY() {
        return y + h / 2.0;
    }

    /** Intersection over union; 0 for disjoint boxes. */
    public double iou(Box o) {
        long inter = intersection(o);
        return inter == 0 ? 0 : inter / (double) (area() + o.area() - inter);
    }

    /** Pixels shared with {@code o}. */
    public long intersection(Box o) {
        long iw = Math.min(right(), o.right()) - Math.max(x, o.x);
        long ih = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
        return iw <= 0 || ih <= 0 ? 0 : iw * ih;
    }

    /** Whether the box comes within {@code margin} px of the edge of a width x height picture. */
    public boolean nearBorder(int width, int height, int margin) {
        return x < margin || y < margin || right() > width - margin || bottom() > height - margin;
    }

    /** The box grown by {@code px} on every side (not clipped). */
    public Box grown(int px) {
        return new Box(x - px, y - px, w + 2 * px, h + 2 * px);
    }

    /** The smallest box holding both. */
    public Box union(Box o) {
        int x0 = Math.min(x, o.x);
        int y0 = Math.min(y, o.y);
        return new Box(x0, y0, Math.max(right(), o.right()) - x0, Math.max(bottom(), o.bottom()) - y0);
    }

    /** The box cut to a width x height picture, or null when nothing of it is inside. */
    public Box clippedTo(int width, int height) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, right());
        int y1 = Math.min(height, bottom());
        return x1 <= x0 || y1 <= y0 ? null : new Box(x0, y0, x1 - x0, y1 - y0);
    }
}
