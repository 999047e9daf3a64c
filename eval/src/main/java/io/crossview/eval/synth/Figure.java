package io.crossview.eval.synth;

import java.util.List;

/**
 * One person as a camera sees them: flat shapes in pixel coordinates, already in drawing
 * order and final sensor colours, plus the full projected extent (the ground-truth box
 * before clipping), the depth used for occlusion and a ground shadow.
 */
record Figure(int id, double depth, double minX, double minY, double maxX, double maxY, List<Shape> shapes,
              double[] shadow) {

    /** A filled convex polygon {x0, y0, x1, y1, ...} or, when {@code poly} is null, a filled ellipse arc. */
    record Shape(double[] poly, double cx, double cy, double ax, double ay, double angle, double start, double end,
                 double[] bgr) {
        static Shape polygon(double[] poly, double[] bgr) {
            return new Shape(poly, 0, 0, 0, 0, 0, 0, 0, bgr);
        }

        static Shape ellipse(double cx, double cy, double ax, double ay, double angle, double start, double end,
                             double[] bgr) {
            return new Shape(null, cx, cy, ax, ay, angle, start, end, bgr);
        }
    }

    double width() {
        return maxX - minX;
    }

    double height() {
        return maxY - minY;
    }
}
