package io.crossview.eval.synth;

/**
 * A fixed pinhole camera over the ground plane (x east, y north, z up, metres). A ray built
 * by {@link #ray} has unit length along the optical axis, so the ray parameter of a hit is
 * its depth in camera coordinates; the occlusion test compares exactly that.
 */
final class PinholeCamera {
    private final String id;
    private final double cx0;
    private final double cy0;
    private final double cz0;
    private final double yaw;
    private final double tilt;
    private final double focal;
    private final double principalX;
    private final double principalY;
    private final int width;
    private final int height;
    // camera axes in world coordinates: forward, right (image +u), down (image +v)
    private final double[] f = new double[3];
    private final double[] r = new double[3];
    private final double[] d = new double[3];

    PinholeCamera(String id, double x, double y, double z, double yaw, double tilt, double roll,
                  double hfovDeg, int width, int height) {
        this.id = id;
        this.cx0 = x;
        this.cy0 = y;
        this.cz0 = z;
        this.yaw = yaw;
        this.tilt = tilt;
        this.width = width;
        this.height = height;
        this.focal = width / 2.0 / Math.tan(Math.toRadians(hfovDeg) / 2);
        this.principalX = width / 2.0;
        this.principalY = height / 2.0;
        f[0] = Math.cos(yaw) * Math.cos(tilt);
        f[1] = Math.sin(yaw) * Math.cos(tilt);
        f[2] = -Math.sin(tilt);
        double[] r0 = {Math.sin(yaw), -Math.cos(yaw), 0};
        double[] d0 = {f[1] * r0[2] - f[2] * r0[1], f[2] * r0[0] - f[0] * r0[2], f[0] * r0[1] - f[1] * r0[0]};
        // roll turns the image about the optical axis, as a slightly crooked mount does
        double c = Math.cos(roll);
        double s = Math.sin(roll);
        for (int i = 0; i < 3; i++) {
            r[i] = c * r0[i] + s * d0[i];
            d[i] = -s * r0[i] + c * d0[i];
        }
    }

    /** A camera at a position looking at a ground point. */
    static PinholeCamera lookingAt(String id, double x, double y, double z, double tx, double ty, double roll,
                                   double hfovDeg, int width, int height) {
        double yaw = Math.atan2(ty - y, tx - x);
        double tilt = Math.atan2(z, Math.hypot(tx - x, ty - y));
        return new PinholeCamera(id, x, y, z, yaw, tilt, roll, hfovDeg, width, height);
    }

    String id() {
        return id;
    }

    double x() {
        return cx0;
    }

    double y() {
        return cy0;
    }

    double z() {
        return cz0;
    }

    double yaw() {
        return yaw;
    }

    double tilt() {
        return tilt;
    }

    double focal() {
        return focal;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Depth along the optical axis of a world point. */
    double depth(double x, double y, double z) {
        return (x - cx0) * f[0] + (y - cy0) * f[1] + (z - cz0) * f[2];
    }

    /**
     * Projects a world point into {u, v, depth}; depth is along the optical axis and may be
     * small or negative for points beside or behind the camera, which callers must refuse.
     */
    void project(double x, double y, double z, double[] out) {
        double px = x - cx0;
        double py = y - cy0;
        double pz = z - cz0;
        double zc = px * f[0] + py * f[1] + pz * f[2];
        double xc = px * r[0] + py * r[1] + pz * r[2];
        double yc = px * d[0] + py * d[1] + pz * d[2];
        out[0] = principalX + focal * xc / zc;
        out[1] = principalY + focal * yc / zc;
        out[2] = zc;
    }

    /** The ray through pixel (u, v), scaled to unit length along the optical axis. */
    void ray(double u, double v, double[] out) {
        double a = (u - principalX) / focal;
        double b = (v - principalY) / focal;
        for (int i = 0; i < 3; i++) {
            out[i] = f[i] + a * r[i] + b * d[i];
        }
    }
}
