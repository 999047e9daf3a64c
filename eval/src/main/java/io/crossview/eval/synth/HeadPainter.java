package io.crossview.eval.synth;

import io.crossview.eval.synth.Appearance.Hair;
import io.crossview.eval.synth.Figure.Shape;
import java.util.List;

/** Head, hair and cap, which show differently from the front, the side and behind. */
final class HeadPainter {
    private HeadPainter() {
    }

    static void paint(ShapePainter p, Skeleton s, Appearance a, List<Shape> out, double facing) {
        double h = a.height();
        double[] c = p.project(s.axis(0.935));
        double[] low = p.project(s.axis(0.5));
        if (c == null || low == null) {
            return;
        }
        // the body's vertical as it appears in the picture, so heads lean with wide-angle perspective
        double angle = Math.toDegrees(Math.atan2(c[0] - low[0], low[1] - c[1]));
        double rx = p.halfWidth(0.039 * h, 0.05 * h) * c[2];
        double ry = 0.065 * h * c[2];
        double[] skin = p.colour(a.skin(), 1.0);
        double[] hair = p.colour(a.hair(), 1.0);
        double t = Math.toRadians(angle);
        // unit vectors of the head's own frame in the picture
        double upX = Math.sin(t);
        double upY = -Math.cos(t);
        double backSign = -Math.signum(p.fwdP);
        if (a.hairStyle() == Hair.BALD) {
            out.add(Shape.ellipse(c[0], c[1], rx, ry, angle, 0, 360, skin));
        } else if (facing > 0.35) {
            out.add(Shape.ellipse(c[0] + upX * ry * 0.08, c[1] + upY * ry * 0.08, rx * 1.07, ry * 1.02, angle, 0, 360, hair));
            out.add(Shape.ellipse(c[0] - upX * ry * 0.1, c[1] - upY * ry * 0.1, rx * 0.93, ry * 0.9, angle, 0, 360, skin));
        } else if (facing < -0.35) {
            out.add(Shape.ellipse(c[0], c[1], rx, ry, angle, 0, 360, skin));
            out.add(Shape.ellipse(c[0] + upX * ry * 0.05, c[1] + upY * ry * 0.05, rx * 1.04,
                    ry * (a.hairStyle() == Hair.LONG ? 1.0 : 0.92), angle, 0, 360, hair));
        } else {
            out.add(Shape.ellipse(c[0], c[1], rx, ry, angle, 0, 360, skin));
            double shift = backSign * rx * 0.3;
            out.add(Shape.ellipse(c[0] + shift * Math.cos(t) + upX * ry * 0.1, c[1] + shift * Math.sin(t) + upY * ry * 0.1,
                    rx * 0.85, ry * 0.9, angle, 0, 360, hair));
        }
        if (a.cap() != null) {
            double[] capColour = p.colour(a.cap(), 0.95);
            out.add(Shape.ellipse(c[0] + upX * ry * 0.2, c[1] + upY * ry * 0.2, rx * 1.06, ry * 0.8, angle, 180, 360,
                    capColour));
            if (facing > -0.35) {
                double[] brim = p.project(s.point(0.075, 0, 0.955 * h + s.bob));
                if (brim != null) {
                    out.add(Shape.ellipse(brim[0], brim[1], rx * 0.8, ry * 0.16, angle, 0, 360, p.colour(a.cap(), 0.75)));
                }
            }
        }
    }
}
