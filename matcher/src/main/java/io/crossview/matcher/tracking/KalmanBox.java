package io.crossview.matcher.tracking;

import io.crossview.common.wire.Box;

/**
 * The constant-velocity Kalman filter of SORT, DeepSORT and ByteTrack over a box as
 * (centre x, centre y, aspect w/h, height) and their velocities. Noise scales with the box
 * height (the weights of DeepSORT), so near and far people are followed alike. Immutable:
 * each step returns a new filter; time is counted in frames of the camera's sequence.
 */
public record KalmanBox(double[] mean, double[] covariance) {
    static final int DIM = 8;
    private static final double POSITION_WEIGHT = 1.0 / 20;
    private static final double VELOCITY_WEIGHT = 1.0 / 160;

    public KalmanBox {
        if (mean.length != DIM || covariance.length != DIM * DIM) {
            throw new IllegalArgumentException("a box filter holds 8 means and an 8x8 covariance");
        }
    }

    /** A new track at a first detection: position known, velocity unknown. */
    public static KalmanBox start(Box box) {
        double[] z = measure(box);
        double[] mean = new double[DIM];
        System.arraycopy(z, 0, mean, 0, 4);
        double h = z[3];
        double[] std = {2 * POSITION_WEIGHT * h, 2 * POSITION_WEIGHT * h, 1e-2, 2 * POSITION_WEIGHT * h,
            10 * VELOCITY_WEIGHT * h, 10 * VELOCITY_WEIGHT * h, 1e-5, 10 * VELOCITY_WEIGHT * h};
        double[] cov = new double[DIM * DIM];
        for (int i = 0; i < DIM; i++) {
            cov[i * DIM + i] = std[i] * std[i];
        }
        return new KalmanBox(mean, cov);
    }

    /** Where the box is expected {@code frames} frames later (at least one). */
    public KalmanBox predict(long frames) {
        KalmanBox k = this;
        for (long i = 0; i < Math.max(1, Math.min(frames, 30)); i++) {
            k = k.predictOne();
        }
        return k;
    }

    private KalmanBox predictOne() {
        double h = mean[3];
        double[] m = mean.clone();
        for (int i = 0; i < 4; i++) {
            m[i] += mean[i + 4];
        }
        // P' = F P F^T + Q with F = [[I, I], [0, I]]
        double[] p = new double[DIM * DIM];
        for (int r = 0; r < DIM; r++) {
            for (int c = 0; c < DIM; c++) {
                double v = covariance[r * DIM + c];
                if (r < 4) {
                    v += covariance[(r + 4) * DIM + c];
                }
                if (c < 4) {
                    v += covariance[r * DIM + c + 4];
                }
                if (r < 4 && c < 4) {
                    v += covariance[(r + 4) * DIM + c + 4];
                }
                p[r * DIM + c] = v;
            }
        }
        double[] std = {POSITION_WEIGHT * h, POSITION_WEIGHT * h, 1e-2, POSITION_WEIGHT * h,
            VELOCITY_WEIGHT * h, VELOCITY_WEIGHT * h, 1e-5, VELOCITY_WEIGHT * h};
        for (int i = 0; i < DIM; i++) {
            p[i * DIM + i] += std[i] * std[i];
        }
        if (m[3] < 1) {
            m[3] = 1; // a shrinking prediction must not collapse the box
        }
        return new KalmanBox(m, p);
    }

    /** The filter after observing {@code box}. */
    public KalmanBox update(Box box) {
        double[] z = measure(box);
        double h = mean[3];
        double[] r = {POSITION_WEIGHT * h, POSITION_WEIGHT * h, 1e-1, POSITION_WEIGHT * h};
        // S = H P H^T + R (H selects the first four), K = P H^T S^-1
        double[][] s = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                s[i][j] = covariance[i * DIM + j] + (i == j ? r[i] * r[i] : 0);
            }
        }
        double[][] sInv = invert4(s);
        double[][] gain = new double[DIM][4];
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < 4; j++) {
                double v = 0;
                for (int k = 0; k < 4; k++) {
                    v += covariance[i * DIM + k] * sInv[k][j];
                }
                gain[i][j] = v;
            }
        }
        double[] innovation = new double[4];
        for (int i = 0; i < 4; i++) {
            innovation[i] = z[i] - mean[i];
        }
        double[] m = mean.clone();
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < 4; j++) {
                m[i] += gain[i][j] * innovation[j];
            }
        }
        // P' = P - K H P
        double[] p = covariance.clone();
        for (int i = 0; i < DIM; i++) {
            for (int c = 0; c < DIM; c++) {
                double v = 0;
                for (int j = 0; j < 4; j++) {
                    v += gain[i][j] * covariance[j * DIM + c];
                }
                p[i * DIM + c] -= v;
            }
        }
        return new KalmanBox(m, p);
    }

    /** The filter's box in picture pixels (x, y of the top-left corner). */
    public Box box() {
        double h = Math.max(1, mean[3]);
        double w = Math.max(1, mean[2] * h);
        return Box.newBuilder().setX((float) (mean[0] - w / 2)).setY((float) (mean[1] - h / 2))
                .setW((float) w).setH((float) h).build();
    }

    static double[] measure(Box box) {
        double h = Math.max(1, box.getH());
        return new double[] {box.getX() + box.getW() / 2.0, box.getY() + box.getH() / 2.0, box.getW() / h, h};
    }

    /** Inverse of a symmetric positive definite 4x4 matrix by Gauss-Jordan elimination. */
    private static double[][] invert4(double[][] a) {
        int n = 4;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double d = m[col][col];
            if (Math.abs(d) < 1e-12) {
                throw new IllegalStateException("singular innovation covariance");
            }
            for (int c = 0; c < 2 * n; c++) {
                m[col][c] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col];
                    for (int c = 0; c < 2 * n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
