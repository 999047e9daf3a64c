package io.crossview.eval.synth;

/**
 * The 3D joints of one walking person at one instant (world metres). Legs swing with the
 * gait phase and the knee bends on the forward swing; the pelvis drops so the lower foot
 * stays on the ground, which gives the natural bob; arms swing against the legs.
 */
final class Skeleton {
    static final int LEFT = 0;
    static final int RIGHT = 1;

    final double height;
    final double x;
    final double y;
    /** forward and left unit vectors on the ground */
    final double fx;
    final double fy;
    final double lx;
    final double ly;
    /** vertical offset of the whole body above the hips (negative while both legs are spread) */
    final double bob;
    final double[][] hip = new double[2][];
    final double[][] knee = new double[2][];
    final double[][] ankle = new double[2][];
    final double[][] shoulder = new double[2][];
    final double[][] elbow = new double[2][];
    final double[][] wrist = new double[2][];

    Skeleton(Appearance a, Pose p) {
        height = a.height();
        x = p.x();
        y = p.y();
        fx = Math.cos(p.heading());
        fy = Math.sin(p.heading());
        lx = -fy;
        ly = fx;
        double h = a.height();
        double stride = a.stepLength() * 2;
        double phase = 2 * Math.PI * p.distance() / stride;
        double amount = Math.min(1, p.speed() / 1.1);
        double thighLen = 0.245 * h;
        double shinLen = 0.245 * h;
        double ankleZ = 0.035 * h;
        double hipHalf = a.shoulders() * 0.82 / 2 - 0.065;
        double[] thigh = new double[2];
        double[] shin = new double[2];
        double drop = 0;
        for (int s = 0; s < 2; s++) {
            double ph = phase + s * Math.PI;
            thigh[s] = 0.42 * amount * Math.sin(ph);
            // the knee folds on the forward swing and is straight at heel strike
            shin[s] = thigh[s] - 0.9 * amount * Math.max(0, Math.cos(ph + 0.3));
            drop = Math.max(drop, thighLen * Math.cos(thigh[s]) + shinLen * Math.cos(shin[s]));
        }
        double hipZ = drop + ankleZ;
        bob = hipZ - (thighLen + shinLen + ankleZ);
        for (int s = 0; s < 2; s++) {
            double side = s == LEFT ? hipHalf : -hipHalf;
            hip[s] = point(0, side, hipZ);
            double kf = thighLen * Math.sin(thigh[s]);
            double kz = hipZ - thighLen * Math.cos(thigh[s]);
            knee[s] = point(kf, side, kz);
            ankle[s] = point(kf + shinLen * Math.sin(shin[s]), side,
                    Math.max(ankleZ * 0.5, kz - shinLen * Math.cos(shin[s])));
        }
        double upper = 0.17 * h;
        double fore = 0.15 * h;
        double shoulderZ = 0.81 * h + bob;
        double armSide = a.shoulders() / 2 - 0.045;
        for (int s = 0; s < 2; s++) {
            double ph = phase + s * Math.PI;
            double up = -a.armSwing() * amount * Math.sin(ph);
            double lo = up + 0.12 + 0.35 * amount * Math.max(0, -Math.sin(ph));
            double side = s == LEFT ? armSide : -armSide;
            // arms hang a little away from the body so the sleeves read as arms
            double outward = s == LEFT ? 0.025 : -0.025;
            shoulder[s] = point(0, side, shoulderZ);
            elbow[s] = point(upper * Math.sin(up), side + outward, shoulderZ - upper * Math.cos(up));
            wrist[s] = point(upper * Math.sin(up) + fore * Math.sin(lo), side + 1.6 * outward,
                    shoulderZ - upper * Math.cos(up) - fore * Math.cos(lo));
        }
    }

    /** A point {forward, left, up} from the feet, in world coordinates. */
    double[] point(double forward, double left, double up) {
        return new double[] {x + forward * fx + left * lx, y + forward * fy + left * ly, up};
    }

    /** A point on the body axis at a height given as a fraction of body height, moving with the pelvis. */
    double[] axis(double fraction) {
        return point(0, 0, fraction * height + bob);
    }
}
