package io.crossview.eval.synth;

import io.crossview.eval.synth.Appearance.Bag;
import io.crossview.eval.synth.Figure.Shape;
import java.util.List;

/**
 * The shirt or jacket on the torso, with its pattern and bag straps. Front-only details (an
 * open jacket, a chest logo, backpack straps) appear only when the person faces the camera,
 * so the same identity looks different from the front and from behind, as real people do.
 */
final class TorsoPanel {
    private final ShapePainter p;
    private final Appearance a;
    private final double facing;
    private final double litSide;
    private final double[][] q;
    private final double[][] inset;
    private final double[][] cap;

    private TorsoPanel(ShapePainter p, Appearance a, double facing, double litSide, double[][] q,
                       double[][] inset, double[][] cap) {
        this.p = p;
        this.a = a;
        this.facing = facing;
        this.litSide = litSide;
        this.q = q;
        this.inset = inset;
        this.cap = cap;
    }

    static TorsoPanel of(ShapePainter p, Skeleton s, Appearance a, double facing, double litSide) {
        double hipW = a.shoulders() * 0.82;
        double waist = p.halfWidth(hipW / 2 + 0.01, hipW * 0.32);
        double chest = p.halfWidth(a.shoulders() / 2, a.shoulders() * 0.28);
        double[][] q = p.quad(s.axis(0.545), s.axis(0.815), waist, chest, 0);
        double[][] inset = p.quad(s.axis(0.56), s.axis(0.80), waist * 0.74, chest * 0.74, litSide);
        double[][] cap = p.quad(s.axis(0.815), s.axis(0.84), chest, chest * 0.55, 0);
        return q == null || inset == null || cap == null ? null : new TorsoPanel(p, a, facing, litSide, q, inset, cap);
    }

    void paint(List<Shape> out) {
        boolean blocks = a.pattern() == Appearance.TopPattern.BLOCKS;
        double[] shoulderColour = blocks ? a.topSecond() : a.top();
        out.add(Shape.polygon(new double[] {
            q[0][0], q[0][1], q[1][0], q[1][1], q[2][0], q[2][1], cap[2][0], cap[2][1], cap[3][0], cap[3][1],
            q[3][0], q[3][1]}, p.colour(a.top(), 0.76)));
        out.add(poly(inset, 0, 1, 0, 1, a.top(), 1.0));
        switch (a.pattern()) {
            case STRIPES -> {
                for (double v = 0.08; v < 0.95; v += 0.24) {
                    out.add(poly(q, 0, 1, v, v + 0.12, a.topSecond(), 0.8));
                    out.add(poly(inset, 0, 1, v, v + 0.12, a.topSecond(), 1.0));
                }
            }
            case BLOCKS -> {
                out.add(poly(q, 0, 1, 0.62, 1, shoulderColour, 0.8));
                out.add(poly(inset, 0, 1, 0.62, 1, shoulderColour, 1.0));
                out.add(poly(cap, 0, 1, 0, 1, shoulderColour, 0.85));
            }
            case JACKET -> {
                if (facing > 0.2) {
                    double half = 0.17 * facing;
                    out.add(poly(q, 0.5 - half, 0.5 + half, 0, 0.97, a.topSecond(), 1.0));
                }
            }
            case LOGO -> {
                if (facing > 0.3) {
                    out.add(poly(q, 0.56, 0.74, 0.6, 0.78, a.topSecond(), 1.0));
                }
            }
            default -> {
            }
        }
        if (a.bag() == Bag.BACKPACK && facing > 0.15) {
            out.add(strap(0.3, 1.0, 0.28, 0.45, 0.06));
            out.add(strap(0.7, 1.0, 0.72, 0.45, 0.06));
        } else if (a.bag() == Bag.SHOULDER_BAG && Math.abs(facing) > 0.2) {
            // the bag hangs on the person's left; the left shows on the image-right when latP > 0
            boolean bagRight = a.bagLeft() == (p.latP > 0);
            out.add(bagRight ? strap(0.15, 1.0, 0.97, 0.03, 0.07) : strap(0.85, 1.0, 0.03, 0.03, 0.07));
        }
    }

    private Shape strap(double u0, double v0, double u1, double v1, double width) {
        double[] a0 = at(q, u0 - width / 2, v0);
        double[] a1 = at(q, u0 + width / 2, v0);
        double[] b1 = at(q, u1 + width / 2, v1);
        double[] b0 = at(q, u1 - width / 2, v1);
        return Shape.polygon(new double[] {a0[0], a0[1], a1[0], a1[1], b1[0], b1[1], b0[0], b0[1]},
                p.colour(a.bagColour(), 0.75));
    }

    private Shape poly(double[][] c, double u0, double u1, double v0, double v1, double[] albedo, double shade) {
        double[] p0 = at(c, u0, v0);
        double[] p1 = at(c, u1, v0);
        double[] p2 = at(c, u1, Math.min(1, v1));
        double[] p3 = at(c, u0, Math.min(1, v1));
        return Shape.polygon(new double[] {p0[0], p0[1], p1[0], p1[1], p2[0], p2[1], p3[0], p3[1]},
                p.colour(albedo, shade + (litSide != 0 ? 0.02 : 0)));
    }

    /** Bilinear point of a quad given lower-left, lower-right, upper-right, upper-left corners. */
    private static double[] at(double[][] c, double u, double v) {
        double lx = c[0][0] + u * (c[1][0] - c[0][0]);
        double ly = c[0][1] + u * (c[1][1] - c[0][1]);
        double ux = c[3][0] + u * (c[2][0] - c[3][0]);
        double uy = c[3][1] + u * (c[2][1] - c[3][1]);
        return new double[] {lx + v * (ux - lx), ly + v * (uy - ly)};
    }
}
