package io.crossview.eval.synth;

/**
 * Procedural surface colours (BGR, before lighting). Fine detail such as grout and seams is
 * box-filtered by the pixel footprint so distant floors fade to their mean colour instead
 * of shimmering into moiré.
 */
final class Textures {
    private Textures() {
    }

    /** Garden paths: gravel within this distance of these segments {x0, y0, x1, y1}. */
    private static final double[][] GRAVEL_PATHS = {{14.5, -9, 22.5, -22}, {13, -15.5, 19.5, -17}};
    private static final double GRAVEL_HALF_WIDTH = 1.1;

    static void floor(Material m, double x, double y, double footprint, double[] out) {
        switch (m) {
            case PAVING -> {
                int row = (int) Math.floor(y / 0.5);
                double xo = x + (row & 1) * 0.5;
                int col = (int) Math.floor(xo);
                double shade = 0.9 + 0.18 * hash(col, row, 11);
                set(out, 160, 165, 168, shade);
                darken(out, 0.6, Math.max(line(xo, 1.0, 0.02, footprint), line(y, 0.5, 0.02, footprint)));
            }
            case LINOLEUM -> {
                double speck = 0.95 + 0.08 * hash((int) Math.floor(x * 20), (int) Math.floor(y * 20), 3);
                set(out, 178, 172, 165, speck);
                darken(out, 0.85, Math.max(line(x, 0.6, 0.01, footprint), line(y, 0.6, 0.01, footprint)));
            }
            case WOOD -> {
                int row = (int) Math.floor(y / 0.16);
                double xo = x + hash(row, 0, 5) * 1.4;
                int plank = (int) Math.floor(xo / 1.4);
                double shade = 0.82 + 0.28 * hash(plank, row, 7) + 0.04 * Math.sin(xo * 23 + row);
                set(out, 70, 112, 158, shade);
                darken(out, 0.55, Math.max(line(y, 0.16, 0.008, footprint), line(xo, 1.4, 0.008, footprint)));
            }
            case BRICK -> {
                int row = (int) Math.floor(y / 0.11);
                double xo = x + (row & 1) * 0.11;
                double shade = 0.85 + 0.25 * hash((int) Math.floor(xo / 0.22), row, 13);
                set(out, 62, 82, 150, shade);
                double mortar = Math.max(line(xo, 0.22, 0.015, footprint), line(y, 0.11, 0.015, footprint));
                mix(out, 150, 160, 168, mortar);
            }
            case GARDEN -> {
                double n = 0.8 + 0.35 * hash((int) Math.floor(x * 12), (int) Math.floor(y * 12), 17)
                        + 0.15 * hash((int) Math.floor(x * 2), (int) Math.floor(y * 2), 19);
                if (gravel(x, y)) {
                    set(out, 140, 170, 185, 0.85 + 0.25 * (n - 0.8));
                } else {
                    set(out, 55, 120, 78, n);
                }
            }
            default -> set(out, 88, 86, 84, 0.9 + 0.15 * hash((int) Math.floor(x * 8), (int) Math.floor(y * 8), 23));
        }
    }

    /**
     * Walls: {@code u} runs along the wall, {@code z} up; {@code salt} picks the colour of
     * this building or room so neighbouring walls differ.
     */
    static void wall(Material m, double u, double z, int salt, double footprint, double[] out) {
        switch (m) {
            case FACADE -> facade(u, z, salt, footprint, out);
            case HEDGE -> {
                if (z < 0.6) {
                    set(out, 150, 165, 172, 0.85 + 0.2 * hash((int) Math.floor(u / 0.4), (int) Math.floor(z / 0.2), 29));
                    darken(out, 0.7, line(z, 0.2, 0.015, footprint));
                } else {
                    double n = 0.65 + 0.5 * hash((int) Math.floor(u * 9), (int) Math.floor(z * 9), 31);
                    set(out, 40, 100, 52, n);
                }
            }
            default -> paint(u, z, salt, footprint, out);
        }
    }

    private static final double[][] FACADE_RGB = {
        {214, 200, 170}, {190, 120, 92}, {188, 188, 182}, {208, 170, 102}, {214, 182, 170}, {222, 222, 214}};
    private static final double[][] PAINT_RGB = {{226, 220, 200}, {190, 205, 196}, {205, 212, 224}, {230, 215, 190}};

    private static void facade(double u, double z, int salt, double fp, double[] out) {
        double[] c = FACADE_RGB[Math.floorMod(salt, FACADE_RGB.length)];
        set(out, c[2], c[1], c[0], 1);
        if (z < 0.5) {
            set(out, c[2] * 0.6, c[1] * 0.6, c[0] * 0.6, 1);
            return;
        }
        double m = u - Math.floor(u / 3.0) * 3.0;
        boolean ground = z >= 0.9 && z < 2.7 && m > 0.4 && m < 2.6;
        boolean upper = z >= 3.8 && z < 5.4 && m > 0.8 && m < 2.2;
        if (ground || upper) {
            double top = ground ? 2.7 : 5.4;
            double reflect = 0.75 + 0.5 * (z - (top - 1.8)) / 1.8;
            set(out, 98, 82, 66, reflect);
            double edge = Math.min(Math.min(m - (ground ? 0.4 : 0.8), (ground ? 2.6 : 2.2) - m),
                    Math.min(z - (ground ? 0.9 : 3.8), top - z));
            if (edge < Math.max(0.07, fp)) {
                set(out, 235, 235, 235, 0.8);
            }
        }
    }

    private static void paint(double u, double z, int salt, double fp, double[] out) {
        double[] c = PAINT_RGB[Math.floorMod(salt, PAINT_RGB.length)];
        set(out, c[2], c[1], c[0], 1);
        if (z < 0.12) {
            set(out, 70, 70, 72, 1);
            return;
        }
        int panel = (int) Math.floor(u / 3.5);
        double m = u - panel * 3.5;
        double kind = hash(panel, salt, 37);
        if (kind < 0.22 && m > 1.2 && m < 2.2 && z < 2.1) {
            set(out, 40, 75, 110, 0.9 + 0.1 * z / 2.1);
            return;
        }
        if (kind > 0.55 && m > 0.9 && m < 2.3 && z > 1.15 && z < 2.05) {
            double hue = hash(panel, salt, 41);
            double inner = m > 1.05 && m < 2.15 && z > 1.3 && z < 1.9 ? 1 : 0.55;
            set(out, 60 + 180 * hue, 60 + 160 * hash(panel, salt, 43), 200 - 140 * hue, inner);
            return;
        }
        // a dado rail at hand height
        darken(out, 0.75, Math.abs(z - 1.0) < Math.max(0.02, fp / 2) ? 0.04 / Math.max(0.04, fp) : 0);
    }

    static void ceiling(double x, double y, double fp, double[] out) {
        double mx = x - Math.floor(x / 2.4) * 2.4;
        double my = y - Math.floor(y / 2.4) * 2.4;
        if (mx > 0.9 && mx < 1.5 && my > 0.6 && my < 1.8) {
            set(out, 250, 252, 252, 1);
        } else {
            set(out, 200, 200, 198, 1);
            darken(out, 0.85, Math.max(line(x, 0.6, 0.01, fp), line(y, 0.6, 0.01, fp)));
        }
    }

    static void sky(double elevation, double[] out) {
        double t = Math.max(0, Math.min(1, elevation / 0.6));
        set(out, 228 - 8 * t, 220 - 40 * t, 212 - 62 * t, 1);
    }

    private static boolean gravel(double x, double y) {
        for (double[] p : GRAVEL_PATHS) {
            double dx = p[2] - p[0];
            double dy = p[3] - p[1];
            double t = Math.max(0, Math.min(1, ((x - p[0]) * dx + (y - p[1]) * dy) / (dx * dx + dy * dy)));
            if (Math.hypot(x - p[0] - t * dx, y - p[1] - t * dy) < GRAVEL_HALF_WIDTH) {
                return true;
            }
        }
        return false;
    }

    /** Coverage of lines of the given width every period, box-filtered by the footprint. */
    static double line(double coord, double period, double width, double footprint) {
        double m = coord - Math.floor(coord / period) * period;
        double dist = Math.min(m, period - m);
        double w = Math.max(width, footprint);
        return dist < w / 2 ? width / w : 0;
    }

    /** A stable pseudo-random value in [0, 1) for integer coordinates. */
    static double hash(int a, int b, int salt) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    static void set(double[] out, double b, double g, double r, double k) {
        out[0] = b * k;
        out[1] = g * k;
        out[2] = r * k;
    }

    private static void darken(double[] out, double k, double amount) {
        double f = 1 - Math.min(1, amount) * (1 - k);
        out[0] *= f;
        out[1] *= f;
        out[2] *= f;
    }

    private static void mix(double[] out, double b, double g, double r, double amount) {
        double a = Math.min(1, amount);
        out[0] += (b - out[0]) * a;
        out[1] += (g - out[1]) * a;
        out[2] += (r - out[2]) * a;
    }
}
