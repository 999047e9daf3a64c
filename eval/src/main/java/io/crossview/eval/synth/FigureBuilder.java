package io.crossview.eval.synth;

import io.crossview.eval.synth.Appearance.Bag;
import io.crossview.eval.synth.Appearance.Bottom;
import io.crossview.eval.synth.Appearance.Hair;
import io.crossview.eval.synth.Appearance.TopPattern;
import io.crossview.eval.synth.Figure.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a person's appearance and pose into the flat shapes one camera sees. Body parts are
 * placed in 3D (see {@link Skeleton}) and projected, so size, foreshortening and which side
 * shows follow the camera; parts are painted far to near, so the far arm passes behind the
 * torso and a backpack shows only from behind. Widths of the torso and bags follow the
 * angle between the walking direction and the line of sight.
 */
final class FigureBuilder {
    /** Horizontal direction towards the sun, as in the backdrop, so people are lit from the same side. */
    private static final double SUN_X = -0.63;
    private static final double SUN_Y = -0.77;

    private final PinholeCamera cam;
    private final CameraLook look;
    private final FloorPlan plan;

    private record Part(double depth, List<Shape> shapes) {
    }

    FigureBuilder(PinholeCamera cam, CameraLook look, FloorPlan plan) {
        this.cam = cam;
        this.look = look;
        this.plan = plan;
    }

    /** The figure, or null when the person is beside or behind the camera. */
    Figure build(Appearance a, Pose pose) {
        Skeleton s = new Skeleton(a, pose);
        double vx = pose.x() - cam.x();
        double vy = pose.y() - cam.y();
        double vn = Math.hypot(vx, vy);
        if (vn < 1e-6) {
            return null;
        }
        vx /= vn;
        vy /= vn;
        // prx/pry: horizontal direction that appears as image-right at the person
        double prx = vy;
        double pry = -vx;
        double facing = -(s.fx * vx + s.fy * vy);
        double latP = s.lx * prx + s.ly * pry;
        double fwdP = s.fx * prx + s.fy * pry;
        Region region = plan.regionAt(pose.x(), pose.y());
        boolean outdoor = region == null || !region.indoor();
        double light = plan.light(pose.x(), pose.y()) * (outdoor ? 0.9 : 0.95);
        double litSide = outdoor ? Math.signum(prx * SUN_X + pry * SUN_Y) * 0.07 : 0;
        ShapePainter p = new ShapePainter(cam, look, light, prx, pry, latP, fwdP);
        double h = a.height();
        double hipW = a.shoulders() * 0.82;
        List<Part> parts = new ArrayList<>();

        for (int side = 0; side < 2; side++) {
            double shade = sideShade(s, side, vx, vy);
            double thighW = 0.15 * a.shoulders() / 0.43;
            double shinW = 0.11 * a.shoulders() / 0.43;
            double[] upper = a.bottomStyle() == Bottom.TROUSERS || a.bottomStyle() == Bottom.SHORTS ? a.bottom() : a.skin();
            double[] lower = a.bottomStyle() == Bottom.TROUSERS ? a.bottom() : a.skin();
            List<Shape> leg = new ArrayList<>();
            if (!p.limb(leg, s.hip[side], s.knee[side], thighW, shinW * 1.1, upper, shade)
                    || !p.limb(leg, s.knee[side], s.ankle[side], shinW * 1.05, shinW * 0.8, lower, shade)
                    || !p.shoe(leg, s, s.ankle[side], a.shoes(), shade)) {
                return null;
            }
            parts.add(new Part(depth(s.knee[side]), leg));

            List<Shape> arm = new ArrayList<>();
            double[] sleeve = a.pattern() == TopPattern.BLOCKS ? a.topSecond() : a.top();
            if (!p.limb(arm, s.shoulder[side], s.elbow[side], 0.1, 0.085, sleeve, shade * 0.95)
                    || !p.limb(arm, s.elbow[side], s.wrist[side], 0.08, 0.065, a.longSleeves() ? sleeve : a.skin(),
                    shade * 0.95)
                    || !p.blob(arm, s.wrist[side], 0.045, 0.05, a.skin(), shade)) {
                return null;
            }
            parts.add(new Part(depth(s.elbow[side]), arm));
        }

        double[] chest = s.axis(0.68);
        double torsoDepth = depth(chest);
        List<Shape> torso = new ArrayList<>();
        double[] neckBase = s.axis(0.80);
        if (!p.band(torso, neckBase, s.axis(0.875), 0.055, 0.05, a.skin(), 0.85, 0)) {
            return null;
        }
        TorsoPanel panel = TorsoPanel.of(p, s, a, facing, litSide);
        if (panel == null) {
            return null;
        }
        double hipHalf = p.halfWidth(hipW / 2, hipW * 0.3);
        p.band(torso, s.axis(0.47), s.axis(0.57), hipHalf * 0.92, hipHalf, a.bottom(), 0.95, 0);
        panel.paint(torso);
        parts.add(new Part(torsoDepth, torso));

        if (a.bottomStyle() == Bottom.SKIRT) {
            List<Shape> skirt = new ArrayList<>();
            p.band(skirt, s.axis(0.30), s.axis(0.57), p.halfWidth(hipW * 0.68, hipW * 0.5), p.halfWidth(hipW / 2, hipW * 0.3),
                    a.bottom(), 0.95, 0);
            double legsFront = Math.min(depth(s.knee[0]), depth(s.knee[1]));
            parts.add(new Part(Math.min(legsFront, torsoDepth) - 1e-3, skirt));
        }
        if (a.bag() == Bag.BACKPACK) {
            double[] centre = s.point(-(a.shoulders() * 0.28 + 0.08), 0, 0.665 * h + s.bob);
            double[] bottom = s.point(-(a.shoulders() * 0.28 + 0.08), 0, 0.665 * h + s.bob - 0.21);
            double[] top = s.point(-(a.shoulders() * 0.28 + 0.06), 0, 0.665 * h + s.bob + 0.2);
            List<Shape> pack = new ArrayList<>();
            double hw = p.halfWidth(0.16, 0.08);
            p.band(pack, bottom, top, hw, hw * 0.9, a.bagColour(), 0.8, 0);
            p.band(pack, s.point(-(a.shoulders() * 0.28 + 0.08), 0, 0.665 * h + s.bob - 0.17),
                    s.point(-(a.shoulders() * 0.28 + 0.08), 0, 0.665 * h + s.bob + 0.12), hw * 0.7, hw * 0.65,
                    a.bagColour(), 1.0, litSide);
            parts.add(new Part(depth(centre), pack));
        } else if (a.bag() == Bag.SHOULDER_BAG) {
            double side = a.bagLeft() ? 1 : -1;
            double z = 0.5 * h + s.bob;
            double lateral = side * (hipW / 2 + 0.08);
            List<Shape> bag = new ArrayList<>();
            double hw = Math.sqrt(Math.pow(0.15 * fwdP, 2) + Math.pow(0.05 * latP, 2)) + 0.01;
            p.band(bag, s.point(0.02, lateral, z - 0.13), s.point(0.02, lateral, z + 0.12), hw, hw * 0.95,
                    a.bagColour(), 0.9, 0);
            parts.add(new Part(depth(s.point(0.02, lateral, z)), bag));
        }
        List<Shape> head = new ArrayList<>();
        HeadPainter.paint(p, s, a, head, facing);
        if (a.hairStyle() == Hair.LONG) {
            // hair down to the shoulders: behind the torso seen from the front, over it from behind
            List<Shape> back = new ArrayList<>();
            double[] c = p.project(s.point(-0.05, 0, 0.865 * h + s.bob));
            if (c != null) {
                back.add(Shape.ellipse(c[0], c[1], p.halfWidth(0.075, 0.05) * c[2], 0.1 * c[2], 0, 0, 360,
                        p.colour(a.hair(), 0.9)));
            }
            parts.add(new Part(torsoDepth + (facing > 0 ? 0.05 : -0.01), back));
        }
        parts.add(new Part(torsoDepth - 0.02, head));
        if (p.failed()) {
            return null;
        }

        parts.sort(Comparator.comparingDouble(Part::depth).reversed());
        List<Shape> shapes = new ArrayList<>();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Part part : parts) {
            for (Shape sh : part.shapes()) {
                shapes.add(sh);
                if (sh.poly() != null) {
                    for (int i = 0; i < sh.poly().length; i += 2) {
                        minX = Math.min(minX, sh.poly()[i]);
                        maxX = Math.max(maxX, sh.poly()[i]);
                        minY = Math.min(minY, sh.poly()[i + 1]);
                        maxY = Math.max(maxY, sh.poly()[i + 1]);
                    }
                } else {
                    double t = Math.toRadians(sh.angle());
                    double ex = Math.hypot(sh.ax() * Math.cos(t), sh.ay() * Math.sin(t));
                    double ey = Math.hypot(sh.ax() * Math.sin(t), sh.ay() * Math.cos(t));
                    minX = Math.min(minX, sh.cx() - ex);
                    maxX = Math.max(maxX, sh.cx() + ex);
                    minY = Math.min(minY, sh.cy() - ey);
                    maxY = Math.max(maxY, sh.cy() + ey);
                }
            }
        }
        return new Figure(a.id(), torsoDepth, minX, minY, maxX, maxY, List.copyOf(shapes), p.shadow(s, vx, vy));
    }

    /** The limbs on the side turned away from the camera are a little darker, which separates them. */
    private static double sideShade(Skeleton s, int side, double vx, double vy) {
        double towards = -(s.lx * vx + s.ly * vy) * (side == Skeleton.LEFT ? 1 : -1);
        return towards >= 0 ? 1.0 : 0.8;
    }

    private double depth(double[] p) {
        return cam.depth(p[0], p[1], p[2]);
    }
}
