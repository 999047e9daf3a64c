package io.crossview.eval.synth;

import io.crossview.eval.synth.FloorPlan.Obstacle;
import io.crossview.eval.synth.FloorPlan.Wall;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Ray-casts the static scene once per camera: floors, walls with their openings, ceilings,
 * columns, planters, lamps and trees, lit by a sun outdoors and lamps indoors and seen
 * through the camera's look. People are drawn over this later, frame by frame.
 */
final class BackdropRenderer {
    /** Direction towards the sun: high in the south-west. */
    private static final double[] SUN = normalise(-0.45, -0.55, 0.70);
    private static final double EPS = 1e-6;

    private final FloorPlan plan;
    private final PinholeCamera camera;
    private final CameraLook look;
    private final List<Wall> walls;
    private final List<Region> ceilings;

    BackdropRenderer(FloorPlan plan, PinholeCamera camera, CameraLook look) {
        this.plan = plan;
        this.camera = camera;
        this.look = look;
        this.walls = plan.walls();
        this.ceilings = plan.regions().stream().filter(Region::indoor).toList();
    }

    Backdrop render() {
        int w = camera.width();
        int h = camera.height();
        byte[] pixels = new byte[w * h * 3];
        float[] depth = new float[w * h];
        // Rows are independent, so the parallel result equals the sequential one.
        IntStream.range(0, h).parallel().forEach(v -> {
            double[] dir = new double[3];
            double[] colour = new double[3];
            for (int u = 0; u < w; u++) {
                camera.ray(u + 0.5, v + 0.5, dir);
                depth[v * w + u] = (float) shade(dir, colour);
                look.apply(colour);
                int i = (v * w + u) * 3;
                pixels[i] = (byte) Math.round(colour[0]);
                pixels[i + 1] = (byte) Math.round(colour[1]);
                pixels[i + 2] = (byte) Math.round(colour[2]);
            }
        });
        Mat bgr = new Mat(h, w, opencv_core.CV_8UC3);
        try (BytePointer data = bgr.data()) {
            data.put(pixels, 0, pixels.length);
        }
        Mat depthMat = new Mat(h, w, opencv_core.CV_32FC1);
        new FloatPointer(depthMat.data()).put(depth, 0, depth.length);
        return new Backdrop(bgr, depthMat, depth, w);
    }

    /** Colours one ray; returns the depth of the hit if it can hide a person, else infinity. */
    private double shade(double[] d, double[] out) {
        double cx = camera.x();
        double cy = camera.y();
        double cz = camera.z();
        double best = Double.POSITIVE_INFINITY;
        int kind = 0; // 0 sky, 1 floor, 2 wall, 3 ceiling, 4 obstacle side, 5 obstacle top, 6 crown
        Object what = null;
        if (d[2] < -EPS) {
            best = -cz / d[2];
            kind = 1;
        }
        for (Wall wall : walls) {
            double t;
            if (wall.y0() == wall.y1()) {
                if (Math.abs(d[1]) < EPS) {
                    continue;
                }
                t = (wall.y0() - cy) / d[1];
                double x = cx + t * d[0];
                if (t <= EPS || t >= best || x < wall.x0() || x > wall.x1()) {
                    continue;
                }
            } else {
                if (Math.abs(d[0]) < EPS) {
                    continue;
                }
                t = (wall.x0() - cx) / d[0];
                double y = cy + t * d[1];
                if (t <= EPS || t >= best || y < wall.y0() || y > wall.y1()) {
                    continue;
                }
            }
            double z = cz + t * d[2];
            if (z >= wall.zBottom() && z <= wall.zTop()) {
                best = t;
                kind = 2;
                what = wall;
            }
        }
        for (Region r : ceilings) {
            if (Math.abs(d[2]) > EPS) {
                double t = (r.wallHeight() - cz) / d[2];
                if (t > EPS && t < best && r.contains(cx + t * d[0], cy + t * d[1])) {
                    best = t;
                    kind = 3;
                    what = r;
                }
            }
        }
        for (Obstacle o : plan.obstacles()) {
            double t = cylinder(d, o.x(), o.y(), o.radius(), o.height(), best);
            if (t < best) {
                best = t;
                kind = 4;
                what = o;
            }
            if (d[2] < -EPS && cz > o.height()) {
                double tt = (o.height() - cz) / d[2];
                if (tt < best && Math.hypot(cx + tt * d[0] - o.x(), cy + tt * d[1] - o.y()) <= o.radius()) {
                    best = tt;
                    kind = 5;
                    what = o;
                }
            }
            double crown = o.kind() == Obstacle.Kind.TREE ? o.crownRadius() : o.kind() == Obstacle.Kind.LAMP ? 0.18 : 0;
            if (crown > 0) {
                double tt = sphere(d, o.x(), o.y(), o.kind() == Obstacle.Kind.TREE ? o.crownZ() : o.height(), crown);
                if (tt < best) {
                    best = tt;
                    kind = 6;
                    what = o;
                }
            }
        }
        double x = cx + best * d[0];
        double y = cy + best * d[1];
        double z = cz + best * d[2];
        double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        double footprint = best * len / camera.focal();
        switch (kind) {
            case 0 -> {
                Textures.sky(Math.atan2(d[2], Math.hypot(d[0], d[1])), out);
                return Double.POSITIVE_INFINITY;
            }
            case 1 -> {
                Region r = plan.regionAt(x, y);
                double grazing = Math.max(0.12, -d[2] / len);
                Textures.floor(r == null ? Material.ASPHALT : r.floor(), x, y, footprint / grazing, out);
                scale(out, (r == null || !r.indoor() ? 0.95 : 1.0) * plan.light(x, y));
                return Double.POSITIVE_INFINITY;
            }
            case 2 -> {
                Wall wall = (Wall) what;
                boolean alongX = wall.y0() == wall.y1();
                double nx = alongX ? 0 : Math.signum(cx - wall.x0());
                double ny = alongX ? Math.signum(cy - wall.y0()) : 0;
                int salt = (int) Math.floor(alongX ? wall.y0() : wall.x0()) * 31 + (alongX ? 7 : 0)
                        + wall.owner().name().length();
                Textures.wall(wall.owner().wall(), alongX ? x : y, z, salt, footprint, out);
                double sun = Math.max(0, nx * SUN[0] + ny * SUN[1]);
                double lit = wall.owner().indoor() ? 0.82 + 0.18 * Math.abs(nx) : 0.62 + 0.55 * sun;
                scale(out, lit * wall.owner().light() * (0.82 + 0.18 * Math.min(1, z / 0.6)));
            }
            case 3 -> {
                Textures.ceiling(x, y, footprint, out);
                scale(out, ((Region) what).light());
            }
            default -> obstacle((Obstacle) what, kind, x, y, z, out);
        }
        return best;
    }

    private void obstacle(Obstacle o, int kind, double x, double y, double z, double[] out) {
        double nx = (x - o.x());
        double ny = (y - o.y());
        double nz = kind == 5 ? 1 : kind == 6 ? z - (o.kind() == Obstacle.Kind.TREE ? o.crownZ() : o.height()) : 0;
        double n = Math.sqrt(nx * nx + ny * ny + nz * nz);
        double lambert = kind == 5 ? SUN[2] : Math.max(0, (nx * SUN[0] + ny * SUN[1] + nz * SUN[2]) / n);
        switch (o.kind()) {
            case COLUMN -> Textures.set(out, 178, 182, 186, 1);
            case PLANTER -> {
                if (kind == 5) {
                    Textures.set(out, 45, 105, 60, 0.7 + 0.6 * Textures.hash((int) (x * 14), (int) (y * 14), 47));
                } else {
                    Textures.set(out, 112, 118, 122, 1);
                }
            }
            case LAMP -> Textures.set(out, 50, 52, 50, kind == 6 ? 3.5 : 1);
            default -> {
                if (kind == 6) {
                    // leafy clumps: coarse 3D cells, not stripes
                    double leaf = Textures.hash((int) Math.floor(x * 9) * 73 + (int) Math.floor(z * 9), (int) Math.floor(y * 9), 53);
                    Textures.set(out, 38, 100, 52, 0.65 + 0.45 * leaf);
                } else {
                    Textures.set(out, 45, 62, 88, 1);
                }
            }
        }
        Region r = plan.regionAt(o.x(), o.y());
        scale(out, (r != null && r.indoor() ? 0.85 + 0.15 * lambert : 0.55 + 0.6 * lambert) * plan.light(o.x(), o.y()));
    }

    private double cylinder(double[] d, double ox, double oy, double radius, double height, double best) {
        double px = camera.x() - ox;
        double py = camera.y() - oy;
        double a = d[0] * d[0] + d[1] * d[1];
        double b = 2 * (px * d[0] + py * d[1]);
        double c = px * px + py * py - radius * radius;
        double disc = b * b - 4 * a * c;
        if (a < EPS || disc < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = (-b - Math.sqrt(disc)) / (2 * a);
        double z = camera.z() + t * d[2];
        return t > EPS && t < best && z >= 0 && z <= height ? t : Double.POSITIVE_INFINITY;
    }

    private double sphere(double[] d, double sx, double sy, double sz, double radius) {
        double px = camera.x() - sx;
        double py = camera.y() - sy;
        double pz = camera.z() - sz;
        double a = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        double b = 2 * (px * d[0] + py * d[1] + pz * d[2]);
        double c = px * px + py * py + pz * pz - radius * radius;
        double disc = b * b - 4 * a * c;
        if (disc < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = (-b - Math.sqrt(disc)) / (2 * a);
        return t > EPS ? t : Double.POSITIVE_INFINITY;
    }

    private static void scale(double[] c, double k) {
        c[0] *= k;
        c[1] *= k;
        c[2] *= k;
    }

    private static double[] normalise(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
