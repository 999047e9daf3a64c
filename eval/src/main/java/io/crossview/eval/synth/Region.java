package io.crossview.eval.synth;

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
}
