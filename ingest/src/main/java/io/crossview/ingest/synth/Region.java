package io.crossview.ingest.synth;

/**
 * One walkable axis-aligned rectangle of the floor plan (metres). Rectangles that touch
 * along an edge are joined by an opening there; every other edge is a wall.
 *
 * @param wallHeight height of its walls; indoor regions also have a ceiling at this height
 * @param floor      how its floor looks
 * @param wall       how its walls look
 * @param light      illumination level of people and surfaces inside (1 = daylight)
 * @param room       whether people choose it as a destination (corridors are only passed)
 */
record Region(String name, double x0, double y0, double x1, double y1, boolean indoor, double wallHeight,
              Material floor, Material wall, double light, boolean room) {

    Region {
        if (!(x0 < x1 && y0 < y1)) {
            throw new IllegalArgumentException("region " + name + " is empty");
        }
    }

    boolean contains(double x, double y) {
        return x >= x0 && x <= x1 && y >= y0 && y <= y1;
    }

    boolean contains(double x, double y, double margin) {
        return x >= x0 + margin && x <= x1 - margin && y >= y0 + margin && y <= y1 - margin;
    }

    double clampX(double x, double margin) {
        return Math.max(x0 + margin, Math.min(x1 - margin, x));
    }

    double clampY(double y, double margin) {
        return Math.max(y0 + margin, Math.min(y1 - margin, y));
    }

    double area() {
        return (x1 - x0) * (y1 - y0);
    }

    double centreX() {
        return (x0 + x1) / 2;
    }

    double centreY() {
        return (y0 + y1) / 2;
    }
}
