package io.crossview.ingest.source;

/**
 * One camera as the system sees it: an id, its site, and the part of a source picture it
 * covers (fractions of width and height, so one wide source can feed several cameras).
 */
public record CameraView(String id, String site, double left, double top, double right, double bottom) {
    public CameraView {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("camera id may only hold letters, digits, '.', '_' and '-': " + id);
        }
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException("camera " + id + " has no site");
        }
        if (!(0 <= left && left < right && right <= 1 && 0 <= top && top < bottom && bottom <= 1)) {
            throw new IllegalArgumentException("camera " + id + " region must lie inside [0,1] with left<right, top<bottom");
        }
    }

    public static CameraView whole(String id, String site) {
        return new CameraView(id, site, 0, 0, 1, 1);
    }

    public boolean isWhole() {
        return left == 0 && top == 0 && right == 1 && bottom == 1;
    }

    /** The left and right halves of one picture as two adjacent cameras. */
    public static CameraView[] halves(String leftId, String rightId, String site) {
        return new CameraView[] {
            new CameraView(leftId, site, 0, 0, 0.5, 1),
            new CameraView(rightId, site, 0.5, 0, 1, 1)
        };
    }

    /** Pixel rectangle {x, y, w, h} of this view in a picture of the given size. */
    public int[] pixels(int width, int height) {
        int x0 = (int) Math.round(left * width);
        int y0 = (int) Math.round(top * height);
        int x1 = (int) Math.round(right * width);
        int y1 = (int) Math.round(bottom * height);
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }
}
