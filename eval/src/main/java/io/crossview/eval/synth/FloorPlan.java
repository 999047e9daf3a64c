package io.crossview.eval.synth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground plane of the site in metres: rectangular regions, the openings where they
 * touch, doors to the outside, the walls that remain, and free-standing obstacles. Walls
 * are derived from the regions so that the picture, the paths and the occlusion all agree.
 */
final class FloorPlan {
    /** A vertical wall piece from zBottom to zTop over a segment of the ground. */
    record Wall(double x0, double y0, double x1, double y1, double zBottom, double zTop, Region owner) {
    }

    /** An opening between two regions, or to the outside when {@code b} is null (a door). */
    record Portal(Region a, Region b, double x0, double y0, double x1, double y1, double nx, double ny) {
        double length() {
            return Math.hypot(x1 - x0, y1 - y0);
        }

        Region other(Region r) {
            return r == a ? b : a;
        }
    }

    /** A free-standing cylinder on the floor; trees carry a crown sphere on top. */
    record Obstacle(Kind kind, double x, double y, double radius, double height) {
        enum Kind { COLUMN, PLANTER, LAMP, TREE }

        double crownRadius() {
            return kind == Kind.TREE ? 1.15 : 0;
        }

        double crownZ() {
            return height + 1.0;
        }
    }

    private static final double DOOR_TOP = 2.4;
    private static final double OPENING_TOP = 3.0;
    /** Width of the street between the site and the buildings around it. */
    private static final double STREET = 8.0;

    private final List<Region> regions;
    private final List<Portal> portals = new ArrayList<>();
    private final List<Portal> doors = new ArrayList<>();
    private final List<Wall> walls = new ArrayList<>();
    private final List<Obstacle> obstacles;
    private final Region street;

    /** @param doorSegments each {x0, y0, x1, y1} lying on one region's edge */
    FloorPlan(List<Region> regions, List<double[]> doorSegments, List<Obstacle> obstacles) {
        this.regions = List.copyOf(regions);
        this.obstacles = List.copyOf(obstacles);
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                Portal p = shared(regions.get(i), regions.get(j));
                if (p != null) {
                    portals.add(p);
                }
            }
        }
        for (double[] d : doorSegments) {
            doors.add(door(d));
        }
        for (Region r : regions) {
            addWalls(r);
        }
        street = street(regions);
        addWall(true, street.y0(), street.x0(), street.x1(), 0, street.wallHeight(), street);
        addWall(true, street.y1(), street.x0(), street.x1(), 0, street.wallHeight(), street);
        addWall(false, street.x0(), street.y0(), street.y1(), 0, street.wallHeight(), street);
        addWall(false, street.x1(), street.y0(), street.y1(), 0, street.wallHeight(), street);
    }

    /**
     * Buildings across the street all around the site, so that doors and low walls open onto
     * a street and facades rather than an endless empty plane.
     */
    private static Region street(List<Region> regions) {
        double x0 = regions.stream().mapToDouble(Region::x0).min().orElse(0) - STREET;
        double y0 = regions.stream().mapToDouble(Region::y0).min().orElse(0) - STREET;
        double x1 = regions.stream().mapToDouble(Region::x1).max().orElse(0) + STREET;
        double y1 = regions.stream().mapToDouble(Region::y1).max().orElse(0) + STREET;
        return new Region("street", x0, y0, x1, y1, false, 12, Material.ASPHALT, Material.FACADE, 0.95, false);
    }

    List<Region> regions() {
        return regions;
    }

    List<Portal> doors() {
        return Collections.unmodifiableList(doors);
    }

    List<Wall> walls() {
        return Collections.unmodifiableList(walls);
    }

    List<Obstacle> obstacles() {
        return obstacles;
    }

    /** The walkable region holding a ground point, or null outside the site (the street). */
    Region regionAt(double x, double y) {
        for (Region r : regions) {
            if (r.contains(x, y)) {
                return r;
            }
        }
        return null;
    }

    /**
     * How far people walk out of a door before they vanish: across the street to the
     * buildings opposite, so they appear and leave there rather than in the open.
     */
    double outsideWalk(Portal door) {
        double cx = (door.x0() + door.x1()) / 2;
        double cy = (door.y0() + door.y1()) / 2;
        double toWall;
        if (door.nx() > 0) {
            toWall = street.x1() - cx;
        } else if (door.nx() < 0) {
            toWall = cx - street.x0();
        } else if (door.ny() > 0) {
            toWall = street.y1() - cy;
        } else {
            toWall = cy - street.y0();
        }
        return toWall - 0.6;
    }

    /** Light level at a ground point: the region's level, brighter under indoor ceiling lamps. */
    double light(double x, double y) {
        Region r = regionAt(x, y);
        if (r == null) {
            return 1.0;
        }
        if (!r.indoor()) {
            return r.light();
        }
        // Lamps on a 4 m grid: people brighten and dim as they walk under them.
        double dx = x - (Math.floor(x / 4) * 4 + 2);
        double dy = y - (Math.floor(y / 4) * 4 + 2);
        return r.light() * (0.86 + 0.24 * Math.exp(-(dx * dx + dy * dy) / 2.5));
    }

    /** The openings to pass, in order, to walk from one region to another (breadth-first). */
    List<Portal> route(Region from, Region to) {
        Map<Region, Portal> via = new HashMap<>();
        Deque<Region> queue = new ArrayDeque<>();
        queue.add(from);
        via.put(from, null);
        while (!queue.isEmpty()) {
            Region r = queue.poll();
            if (r == to) {
                break;
            }
            for (Portal p : portals) {
                if ((p.a() == r || p.b() == r) && !via.containsKey(p.other(r))) {
                    via.put(p.other(r), p);
                    queue.add(p.other(r));
                }
            }
        }
        if (!via.containsKey(to)) {
            throw new IllegalStateException("no way from " + from.name() + " to " + to.name());
        }
        List<Portal> path = new ArrayList<>();
        for (Region r = to; r != from; ) {
            Portal p = via.get(r);
            path.add(p);
            r = p.other(r);
        }
        Collections.reverse(path);
        return path;
    }

    private static Portal shared(Region a, Region b) {
        if (a.x1() == b.x0() || b.x1() == a.x0()) {
            double x = a.x1() == b.x0() ? a.x1() : a.x0();
            double lo = Math.max(a.y0(), b.y0());
            double hi = Math.min(a.y1(), b.y1());
            return hi > lo ? new Portal(a, b, x, lo, x, hi, a.x1() == x ? 1 : -1, 0) : null;
        }
        if (a.y1() == b.y0() || b.y1() == a.y0()) {
            double y = a.y1() == b.y0() ? a.y1() : a.y0();
            double lo = Math.max(a.x0(), b.x0());
            double hi = Math.min(a.x1(), b.x1());
            return hi > lo ? new Portal(a, b, lo, y, hi, y, 0, a.y1() == y ? 1 : -1) : null;
        }
        return null;
    }

    private Portal door(double[] d) {
        for (Region r : regions) {
            if (d[0] == d[2] && (d[0] == r.x0() || d[0] == r.x1()) && d[1] >= r.y0() && d[3] <= r.y1()) {
                return new Portal(r, null, d[0], d[1], d[2], d[3], d[0] == r.x1() ? 1 : -1, 0);
            }
            if (d[1] == d[3] && (d[1] == r.y0() || d[1] == r.y1()) && d[0] >= r.x0() && d[2] <= r.x1()) {
                return new Portal(r, null, d[0], d[1], d[2], d[3], 0, d[1] == r.y1() ? 1 : -1);
            }
        }
        throw new IllegalArgumentException("door " + java.util.Arrays.toString(d) + " lies on no region edge");
    }

    private void addWalls(Region r) {
        double[][] edges = {
            {r.x0(), r.y0(), r.x1(), r.y0()}, {r.x0(), r.y1(), r.x1(), r.y1()},
            {r.x0(), r.y0(), r.x0(), r.y1()}, {r.x1(), r.y0(), r.x1(), r.y1()}};
        for (double[] e : edges) {
            boolean horizontal = e[1] == e[3];
            double fixed = horizontal ? e[1] : e[0];
            double lo = horizontal ? e[0] : e[1];
            double hi = horizontal ? e[2] : e[3];
            List<double[]> openings = new ArrayList<>();
            List<Portal> all = new ArrayList<>(portals);
            all.addAll(doors);
            for (Portal p : all) {
                if ((p.a() != r && p.b() != r) || (p.x0() == p.x1()) == horizontal) {
                    continue;
                }
                double pFixed = horizontal ? p.y0() : p.x0();
                if (pFixed == fixed) {
                    double top = p.b() == null ? DOOR_TOP
                            : Math.min(OPENING_TOP, Math.min(p.a().wallHeight(), p.b().wallHeight()));
                    openings.add(horizontal ? new double[] {p.x0(), p.x1(), top} : new double[] {p.y0(), p.y1(), top});
                }
            }
            openings.sort((u, v) -> Double.compare(u[0], v[0]));
            double at = lo;
            for (double[] o : openings) {
                if (o[0] > at) {
                    addWall(horizontal, fixed, at, o[0], 0, r.wallHeight(), r);
                }
                if (o[2] < r.wallHeight()) {
                    addWall(horizontal, fixed, o[0], o[1], o[2], r.wallHeight(), r);
                }
                at = Math.max(at, o[1]);
            }
            if (at < hi) {
                addWall(horizontal, fixed, at, hi, 0, r.wallHeight(), r);
            }
        }
    }

    private void addWall(boolean horizontal, double fixed, double from, double to, double zb, double zt, Region r) {
        walls.add(horizontal ? new Wall(from, fixed, to, fixed, zb, zt, r) : new Wall(fixed, from, fixed, to, zb, zt, r));
    }
}
