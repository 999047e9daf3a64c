package io.crossview.eval.synth;

import io.crossview.eval.synth.Figure.Shape;
import java.util.List;

/**
 * Projects body parts of one figure and colours them as its camera sees them: limbs as
 * tapered quads with round joints, body bands as quads whose width follows the angle of
 * view. Remembers if any point came too near the camera, which voids the figure.
 */
final class ShapePainter {
    /** Points nearer than this to the camera plane cannot be projected sensibly: the person is not drawn. */
    private static final double NEAR = 0.35;

    private final PinholeCamera cam;
    private final CameraLook look;
    final double light;
    final double prx;
    final double pry;
    final double latP;
    final double fwdP;
    private final double[] tmp = new double[3];
    private boolean failed;

    ShapePainter(PinholeCamera cam, CameraLook look, double light, double prx, double pry, double latP, double fwdP) {
        this.cam = cam;
        this.look = look;
        this.light = light;
        this.prx = prx;
        this.pry = pry;
        this.latP = latP;
        this.fwdP = fwdP;
    }

    boolean failed() {
        return failed;
    }

    /** Apparent half width of a body cross-section with the given half extents across and along the body. */
    double halfWidth(double across, double along) {
        return Math.hypot(across * latP, along * fwdP);
    }

    double[] colour(double[] albedo, double shade) {
        double k = light * shade;
        double[] c = {albedo[0] * k, albedo[1] * k, albedo[2] * k};
        look.apply(c);
        return c;
    }

    /** {u, v, pixels per metre}, or null (and the figure fails) when too near the camera. */
    double[] project(double[] p) {
        cam.project(p[0], p[1], p[2], tmp);
        if (tmp[2] < NEAR) {
            failed = true;
            return null;
        }
        return new double[] {tmp[0], tmp[1], cam.focal() / tmp[2]};
    }

    /** A tapered limb between two joints, with a round joint at its end. */
    boolean limb(List<Shape> out, double[] from, double[] to, double w0, double w1, double[] albedo, double shade) {
        double[] a = project(from);
        double[] b = project(to);
        if (a == null || b == null) {
            return false;
        }
        double[] c = colour(albedo, shade);
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.hypot(dx, dy);
        double nx = len > 1e-6 ? -dy / len : 1;
        double ny = len > 1e-6 ? dx / len : 0;
        double ha = w0 * a[2] / 2;
        double hb = w1 * b[2] / 2;
        out.add(Shape.polygon(new double[] {
            a[0] + nx * ha, a[1] + ny * ha, b[0] + nx * hb, b[1] + ny * hb,
            b[0] - nx * hb, b[1] - ny * hb, a[0] - nx * ha, a[1] - ny * ha}, c));
        out.add(Shape.ellipse(b[0], b[1], hb, hb, 0, 0, 360, c));
        return true;
    }

    /** A small round blob (a hand) at a point. */
    boolean blob(List<Shape> out, double[] at, double rx, double ry, double[] albedo, double shade) {
        double[] a = project(at);
        if (a == null) {
            return false;
        }
        out.add(Shape.ellipse(a[0], a[1] + ry * a[2] * 0.5, rx * a[2], ry * a[2], 0, 0, 360, colour(albedo, shade)));
        return true;
    }

    boolean shoe(List<Shape> out, Skeleton s, double[] ankle, double[] albedo, double shade) {
        double[] toe = project(new double[] {ankle[0] + s.fx * 0.15, ankle[1] + s.fy * 0.15, 0.03});
        double[] heel = project(new double[] {ankle[0] - s.fx * 0.05, ankle[1] - s.fy * 0.05, 0.04});
        if (toe == null || heel == null) {
            return false;
        }
        double len = Math.hypot(toe[0] - heel[0], toe[1] - heel[1]) / 2;
        double minor = 0.05 * toe[2];
        double angle = Math.toDegrees(Math.atan2(toe[1] - heel[1], toe[0] - heel[0]));
        double lift = ankle[2] * toe[2] * 0.7;
        out.add(Shape.ellipse((toe[0] + heel[0]) / 2, (toe[1] + heel[1]) / 2 - lift, Math.max(len, minor), minor,
                angle, 0, 360, colour(albedo, shade)));
        return true;
    }

    /**
     * A horizontal band of the body between two points: a quad whose half widths (metres)
     * are measured across the line of sight; {@code shift} moves it sideways by a fraction of
     * its width (towards the lit side for shading).
     */
    boolean band(List<Shape> out, double[] lower, double[] upper, double hw0, double hw1, double[] albedo,
                 double shade, double shift) {
        double[][] q = quad(lower, upper, hw0, hw1, shift);
        if (q == null) {
            return false;
        }
        out.add(Shape.polygon(new double[] {
            q[0][0], q[0][1], q[1][0], q[1][1], q[2][0], q[2][1], q[3][0], q[3][1]}, colour(albedo, shade)));
        return true;
    }

    /** Corners lower-left, lower-right, upper-right, upper-left in pixels, or null. */
    double[][] quad(double[] lower, double[] upper, double hw0, double hw1, double shift) {
        double s0 = shift * 2 * hw0;
        double s1 = shift * 2 * hw1;
        double[] ll = project(new double[] {lower[0] + prx * (s0 - hw0), lower[1] + pry * (s0 - hw0), lower[2]});
        double[] lr = project(new double[] {lower[0] + prx * (s0 + hw0), lower[1] + pry * (s0 + hw0), lower[2]});
        double[] ur = project(new double[] {upper[0] + prx * (s1 + hw1), upper[1] + pry * (s1 + hw1), upper[2]});
        double[] ul = project(new double[] {upper[0] + prx * (s1 - hw1), upper[1] + pry * (s1 - hw1), upper[2]});
        if (ll == null || lr == null || ur == null || ul == null) {
            return null;
        }
        return new double[][] {ll, lr, ur, ul};
    }

    /** A soft ground shadow under the feet: {cx, cy, ax, ay} in pixels. */
    double[] shadow(Skeleton s, double vx, double vy) {
        double[] c = project(new double[] {s.x, s.y, 0});
        double[] l = project(new double[] {s.x - prx * 0.26, s.y - pry * 0.26, 0});
        double[] r = project(new double[] {s.x + prx * 0.26, s.y + pry * 0.26, 0});
        double[] n = project(new double[] {s.x - vx * 0.26, s.y - vy * 0.26, 0});
        double[] f = project(new double[] {s.x + vx * 0.26, s.y + vy * 0.26, 0});
        if (c == null || l == null || r == null || n == null || f == null) {
            return null;
        }
        return new double[] {c[0], c[1], Math.hypot(r[0] - l[0], r[1] - l[1]) / 2,
            Math.max(1, Math.abs(n[1] - f[1]) / 2)};
    }
}
