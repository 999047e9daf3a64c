package io.crossview.detector;

/**
 * A detected person: an axis-aligned pixel box in picture coordinates, the detector's score and
 * the model's class id (COCO's 0 = person; other ids only when a detector is told to keep them).
 */
public record PersonBox(int x, int y, int width, int height, double score, int classId) {
    public PersonBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box must have a positive size, got " + width + "x" + height);
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("box score is NaN");
        }
        if (classId < 0) {
            throw new IllegalArgumentException("class id must not be negative, got " + classId);
        }
    }

    /** A person box (class 0). */
    public PersonBox(int x, int y, int width, int height, double score) {
        this(x, y, width, height, score, 0);
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    /** Intersection over union; 0 for disjoint boxes. */
    public double iou(PersonBox other) {
        long iw = Math.min(right(), other.right()) - Math.max(x, other.x);
        long ih = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        long inter = iw * ih;
        return inter / (double) (area() + other.area() - inter);
    }

    /** This box cut to a width x height picture, or null when nothing of it lies inside. */
    public PersonBox clippedTo(int pictureWidth, int pictureHeight) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(pictureWidth, right());
        int y1 = Math.min(pictureHeight, bottom());
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        return new PersonBox(x0, y0, x1 - x0, y1 - y0, score, classId);
    }
}
