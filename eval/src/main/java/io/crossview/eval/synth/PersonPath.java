package io.crossview.eval.synth;

import java.util.Arrays;
import java.util.List;

/**
 * Where one person is over time: one or more visits, each a piecewise-linear walk through
 * timed key points (a repeated point is a pause). Between visits, and before the first and
 * after the last, the person is outside the site. A companion walks a leader's path a
 * little later and beside them.
 */
final class PersonPath {
    /** One stay on the site: key point times (s), positions (m) and distance walked up to each point. */
    record Visit(double[] t, double[] x, double[] y, double[] dist) {
        double start() {
            return t[0];
        }

        double end() {
            return t[t.length - 1];
        }
    }

    private static final double HEADING_WINDOW_S = 0.4;

    private final List<Visit> visits;
    private final PersonPath leader;
    private final double delay;
    private final double lateral;

    private PersonPath(List<Visit> visits, PersonPath leader, double delay, double lateral) {
        this.visits = visits;
        this.leader = leader;
        this.delay = delay;
        this.lateral = lateral;
    }

    static PersonPath of(List<Visit> visits) {
        return new PersonPath(List.copyOf(visits), null, 0, 0);
    }

    /** Walks the leader's path {@code delay} seconds later, {@code lateral} metres to its left (negative: right). */
    static PersonPath following(PersonPath leader, double delay, double lateral) {
        return new PersonPath(List.of(), leader, delay, lateral);
    }

    boolean isCompanion() {
        return leader != null;
    }

    double start() {
        return leader != null ? leader.start() + delay : visits.get(0).start();
    }

    double end() {
        return leader != null ? leader.end() + delay : visits.get(visits.size() - 1).end();
    }

    /** Which visit the person is on at a time, or -1 while off the site. */
    int visitAt(double time) {
        if (leader != null) {
            return leader.visitAt(time - delay);
        }
        for (int i = 0; i < visits.size(); i++) {
            if (time >= visits.get(i).start() && time <= visits.get(i).end()) {
                return i;
            }
        }
        return -1;
    }

    /** The pose at a time, or null while the person is not on the site. */
    Pose at(double time) {
        if (leader != null) {
            Pose p = leader.at(time - delay);
            if (p == null) {
                return null;
            }
            double ox = -Math.sin(p.heading()) * lateral;
            double oy = Math.cos(p.heading()) * lateral;
            return new Pose(p.x() + ox, p.y() + oy, p.heading(), p.distance(), p.speed());
        }
        for (Visit v : visits) {
            if (time >= v.start() && time <= v.end()) {
                return at(v, time);
            }
        }
        return null;
    }

    private static Pose at(Visit v, double time) {
        int k = segment(v, time);
        double[] p = position(v, time);
        double dt = v.t()[k + 1] - v.t()[k];
        double speed = dt > 0 ? (v.dist()[k + 1] - v.dist()[k]) / dt : 0;
        // Heading from a short window around now, so corners turn smoothly instead of snapping.
        double[] a = position(v, Math.max(v.start(), time - HEADING_WINDOW_S));
        double[] b = position(v, Math.min(v.end(), time + HEADING_WINDOW_S));
        double heading;
        if (Math.hypot(b[0] - a[0], b[1] - a[1]) > 0.05) {
            heading = Math.atan2(b[1] - a[1], b[0] - a[0]);
        } else {
            heading = lastHeading(v, k);
        }
        return new Pose(p[0], p[1], heading, p[2], speed);
    }

    private static double lastHeading(Visit v, int k) {
        for (int i = Math.min(k, v.t().length - 2); i >= 0; i--) {
            double dx = v.x()[i + 1] - v.x()[i];
            double dy = v.y()[i + 1] - v.y()[i];
            if (Math.hypot(dx, dy) > 1e-6) {
                return Math.atan2(dy, dx);
            }
        }
        return 0;
    }

    private static int segment(Visit v, double time) {
        int i = Arrays.binarySearch(v.t(), time);
        int k = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(v.t().length - 2, k));
    }

    /** {x, y, distance} at a time inside the visit. */
    private static double[] position(Visit v, double time) {
        int k = segment(v, time);
        double dt = v.t()[k + 1] - v.t()[k];
        double f = dt > 0 ? Math.max(0, Math.min(1, (time - v.t()[k]) / dt)) : 0;
        return new double[] {
            v.x()[k] + f * (v.x()[k + 1] - v.x()[k]),
            v.y()[k] + f * (v.y()[k + 1] - v.y()[k]),
            v.dist()[k] + f * (v.dist()[k + 1] - v.dist()[k])};
    }
}
