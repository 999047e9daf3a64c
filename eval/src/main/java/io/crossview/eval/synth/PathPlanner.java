package io.crossview.eval.synth;

import io.crossview.eval.synth.FloorPlan.Obstacle;
import io.crossview.eval.synth.FloorPlan.Portal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans where everybody walks: each person comes out of the buildings across the street,
 * enters through a door, visits one to three
 * rooms (usually a different one each time, so people cross between cameras), sometimes
 * pauses, leaves through a door and sometimes comes back later. Routes pass rooms through
 * the openings between them and step around obstacles; some people walk as a pair.
 */
final class PathPlanner {
    /** Distance kept from the jambs of openings and from walls, leaving room for a companion beside. */
    private static final double MARGIN = 0.8;
    private static final double COMPANION_CHANCE = 0.2;
    private static final double RETURN_CHANCE = 0.35;

    private final FloorPlan plan;
    private final List<Region> rooms;
    private final double seconds;

    PathPlanner(FloorPlan plan, double seconds) {
        this.plan = plan;
        this.rooms = plan.regions().stream().filter(Region::room).toList();
        this.seconds = seconds;
    }

    List<PersonPath> plan(List<Appearance> people, SplittableRandom rnd) {
        List<PersonPath> paths = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            SplittableRandom own = rnd.split();
            if (i > 0 && !paths.get(i - 1).isCompanion() && own.nextDouble() < COMPANION_CHANCE) {
                double side = own.nextBoolean() ? 1 : -1;
                paths.add(PersonPath.following(paths.get(i - 1), own.nextDouble(0.4, 0.9), side * own.nextDouble(0.35, 0.45)));
                continue;
            }
            paths.add(walker(people.get(i), own));
        }
        return paths;
    }

    private PersonPath walker(Appearance who, SplittableRandom rnd) {
        List<PersonPath.Visit> visits = new ArrayList<>();
        // some are already on their way when the recording starts; nobody starts too late to be seen
        double t = rnd.nextDouble(-40, Math.max(seconds * 0.8, seconds - 8));
        do {
            PersonPath.Visit v = visit(who, t, rnd);
            visits.add(v);
            t = v.end() + rnd.nextDouble(4, 25);
        } while (t < seconds && visits.size() < 8 && rnd.nextDouble() < RETURN_CHANCE);
        return PersonPath.of(visits);
    }

    private PersonPath.Visit visit(Appearance who, double start, SplittableRandom rnd) {
        List<double[]> pts = new ArrayList<>(); // {x, y, pause seconds after arriving}
        Portal in = plan.doors().get(rnd.nextInt(plan.doors().size()));
        double[] door = along(in, rnd);
        double walkIn = plan.outsideWalk(in);
        pts.add(new double[] {door[0] + in.nx() * walkIn, door[1] + in.ny() * walkIn, 0});
        pts.add(new double[] {door[0], door[1], 0});
        Region here = in.a();
        int stops = 1 + rnd.nextInt(3);
        for (int s = 0; s < stops; s++) {
            Region target = rooms.get(rnd.nextInt(rooms.size()));
            if (target == here && rnd.nextDouble() < 0.65) {
                target = rooms.get((rooms.indexOf(here) + 1 + rnd.nextInt(rooms.size() - 1)) % rooms.size());
            }
            walkTo(pts, here, target, rnd);
            double[] dest = freePoint(target, rnd);
            pts.add(new double[] {dest[0], dest[1], rnd.nextDouble() < 0.5 ? rnd.nextDouble(1.5, 8) : 0});
            here = target;
        }
        Portal out = plan.doors().get(rnd.nextInt(plan.doors().size()));
        if (out == in && rnd.nextDouble() < 0.7) {
            out = plan.doors().get((plan.doors().indexOf(in) + 1 + rnd.nextInt(plan.doors().size() - 1))
                    % plan.doors().size());
        }
        walkTo(pts, here, out.a(), rnd);
        double[] exit = along(out, rnd);
        pts.add(new double[] {exit[0], exit[1], 0});
        double walkOut = plan.outsideWalk(out);
        pts.add(new double[] {exit[0] + out.nx() * walkOut, exit[1] + out.ny() * walkOut, 0});
        return timed(avoidObstacles(pts), who.speed() * rnd.nextDouble(0.92, 1.08), start);
    }

    private void walkTo(List<double[]> pts, Region from, Region to, SplittableRandom rnd) {
        if (from == to) {
            return;
        }
        for (Portal p : plan.route(from, to)) {
            double[] c = along(p, rnd);
            pts.add(new double[] {c[0], c[1], 0});
        }
    }

    /** A random crossing point of an opening, away from its jambs. */
    private static double[] along(Portal p, SplittableRandom rnd) {
        double f = p.length() > 2 * MARGIN ? rnd.nextDouble(MARGIN, p.length() - MARGIN) / p.length() : 0.5;
        return new double[] {p.x0() + f * (p.x1() - p.x0()), p.y0() + f * (p.y1() - p.y0())};
    }

    private double[] freePoint(Region r, SplittableRandom rnd) {
        for (int attempt = 0; ; attempt++) {
            double x = rnd.nextDouble(r.x0() + 1.2, r.x1() - 1.2);
            double y = rnd.nextDouble(r.y0() + 1.2, r.y1() - 1.2);
            if (attempt > 50 || plan.obstacles().stream().noneMatch(o -> Math.hypot(x - o.x(), y - o.y()) < clearance(o) + 0.3)) {
                return new double[] {x, y};
            }
        }
    }

    private static double clearance(Obstacle o) {
        return o.radius() + 0.55 + MARGIN / 2;
    }

    /** Inserts a point beside every obstacle a straight leg would walk through. */
    private List<double[]> avoidObstacles(List<double[]> pts) {
        List<double[]> out = new ArrayList<>(pts);
        for (int pass = 0; pass < 3; pass++) {
            boolean changed = false;
            for (int i = 0; i + 1 < out.size(); i++) {
                double[] a = out.get(i);
                double[] b = out.get(i + 1);
                for (Obstacle o : plan.obstacles()) {
                    double dx = b[0] - a[0];
                    double dy = b[1] - a[1];
                    double len2 = dx * dx + dy * dy;
                    if (len2 < 1e-9) {
                        continue;
                    }
                    double s = ((o.x() - a[0]) * dx + (o.y() - a[1]) * dy) / len2;
                    if (s <= 0 || s >= 1) {
                        continue;
                    }
                    double px = a[0] + s * dx - o.x();
                    double py = a[1] + s * dy - o.y();
                    double dist = Math.hypot(px, py);
                    double c = clearance(o);
                    if (dist < c) {
                        double nx = dist > 1e-6 ? px / dist : -dy / Math.sqrt(len2);
                        double ny = dist > 1e-6 ? py / dist : dx / Math.sqrt(len2);
                        out.add(i + 1, new double[] {o.x() + nx * (c + 0.15), o.y() + ny * (c + 0.15), 0});
                        changed = true;
                        break;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return out;
    }

    private static PersonPath.Visit timed(List<double[]> pts, double speed, double start) {
        List<double[]> keys = new ArrayList<>(); // {t, x, y, dist}
        double t = start;
        double dist = 0;
        double[] prev = null;
        for (double[] p : pts) {
            if (prev != null) {
                double d = Math.hypot(p[0] - prev[0], p[1] - prev[1]);
                if (d < 1e-6) {
                    continue;
                }
                dist += d;
                t += d / speed;
            }
            keys.add(new double[] {t, p[0], p[1], dist});
            if (p[2] > 0) {
                t += p[2];
                keys.add(new double[] {t, p[0], p[1], dist});
            }
            prev = p;
        }
        int n = keys.size();
        double[] ts = new double[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] ds = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = keys.get(i)[0];
            xs[i] = keys.get(i)[1];
            ys[i] = keys.get(i)[2];
            ds[i] = keys.get(i)[3];
        }
        return new PersonPath.Visit(ts, xs, ys, ds);
    }
}
