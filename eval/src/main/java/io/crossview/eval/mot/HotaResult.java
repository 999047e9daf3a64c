package io.crossview.eval.mot;

import java.util.Arrays;
import java.util.Collection;

/**
 * HOTA counts and scores at each localisation threshold alpha of {@link Hota#alpha}, for one
 * sequence or combined. The headline figures are means over the 19 alphas of the per-alpha
 * values, as TrackEval reports them; HOTA(alpha) = sqrt(DetA(alpha) · AssA(alpha)) is taken
 * before averaging.
 */
public final class HotaResult {
    private final long[] tp;
    private final long[] fn;
    private final long[] fp;
    private final double[] assA;
    private final double[] locA;

    HotaResult(long[] tp, long[] fn, long[] fp, double[] assA, double[] locA) {
        this.tp = tp.clone();
        this.fn = fn.clone();
        this.fp = fp.clone();
        this.assA = assA.clone();
        this.locA = locA.clone();
    }

    /** A sequence with nothing to match: no true positives, LocA 1 (TrackEval's early return). */
    static HotaResult unmatched(long gtDets, long trackerDets) {
        long[] fn = new long[Hota.ALPHAS];
        long[] fp = new long[Hota.ALPHAS];
        double[] ones = new double[Hota.ALPHAS];
        Arrays.fill(fn, gtDets);
        Arrays.fill(fp, trackerDets);
        Arrays.fill(ones, 1.0);
        return new HotaResult(new long[Hota.ALPHAS], fn, fp, new double[Hota.ALPHAS], ones);
    }

    /**
     * TrackEval's {@code combine_sequences}: TP, FN and FP are summed; AssA and LocA are averaged
     * weighted by each sequence's TP at that alpha.
     */
    public static HotaResult combine(Collection<HotaResult> results) {
        long[] tp = new long[Hota.ALPHAS];
        long[] fn = new long[Hota.ALPHAS];
        long[] fp = new long[Hota.ALPHAS];
        double[] assSum = new double[Hota.ALPHAS];
        double[] locSum = new double[Hota.ALPHAS];
        for (HotaResult r : results) {
            for (int a = 0; a < Hota.ALPHAS; a++) {
                tp[a] += r.tp[a];
                fn[a] += r.fn[a];
                fp[a] += r.fp[a];
                assSum[a] += r.assA[a] * r.tp[a];
                locSum[a] += r.locA[a] * r.tp[a];
            }
        }
        double[] assA = new double[Hota.ALPHAS];
        double[] locA = new double[Hota.ALPHAS];
        for (int a = 0; a < Hota.ALPHAS; a++) {
            assA[a] = assSum[a] / Math.max(1.0, tp[a]);
            locA[a] = Math.max(1e-10, locSum[a]) / Math.max(1e-10, tp[a]);
        }
        return new HotaResult(tp, fn, fp, assA, locA);
    }

    public long tp(int alpha) {
        return tp[alpha];
    }

    public long fn(int alpha) {
        return fn[alpha];
    }

    public long fp(int alpha) {
        return fp[alpha];
    }

    /** TP / max(1, TP + FN + FP). */
    public double detA(int alpha) {
        return tp[alpha] / Math.max(1.0, tp[alpha] + fn[alpha] + fp[alpha]);
    }

    public double assA(int alpha) {
        return assA[alpha];
    }

    public double locA(int alpha) {
        return locA[alpha];
    }

    public double hota(int alpha) {
        return Math.sqrt(detA(alpha) * assA(alpha));
    }

    /** Mean over alphas of HOTA(alpha). */
    public double hota() {
        double s = 0;
        for (int a = 0; a < Hota.ALPHAS; a++) {
            s += hota(a);
        }
        return s / Hota.ALPHAS;
    }

    /** Mean over alphas of DetA(alpha). */
    public double detA() {
        double s = 0;
        for (int a = 0; a < Hota.ALPHAS; a++) {
            s += detA(a);
        }
        return s / Hota.ALPHAS;
    }

    /** Mean over alphas of AssA(alpha). */
    public double assA() {
        return mean(assA);
    }

    /** Mean over alphas of LocA(alpha). */
    public double locA() {
        return mean(locA);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
