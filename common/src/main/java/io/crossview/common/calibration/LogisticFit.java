package io.crossview.common.calibration;

/**
 * Logistic regression of P(same person | similarity) on two histograms over
 * {@link SimilarityBins}: pairs known to be the same person and pairs known to be different
 * people. Pure, so the matcher (on the stream's pairs) and the trainer (on its held-out pairs)
 * fit their curves the same way.
 */
public final class LogisticFit {
    /**
     * Perfectly separated pairs would send the slope to infinity; at this slope P goes from 0.1
     * to 0.9 within 0.011 of similarity, finer than the bins tell.
     */
    static final double MAX_SLOPE = 400;

    private LogisticFit() {
    }

    /**
     * Newton's method on the log-loss with each side weighted to half, so P = 0.5 where the two
     * kinds of pair are equally likely whatever their numbers (a tiny ridge on the slope keeps
     * the Hessian invertible).
     */
    public static Logistic balanced(double[] positives, double[] negatives) {
        double np = Math.max(SimilarityBins.total(positives), 1e-9);
        double nn = Math.max(SimilarityBins.total(negatives), 1e-9);
        double a = 10;
        double c = -10 * (SimilarityBins.mean(positives) + SimilarityBins.mean(negatives)) / 2;
        for (int iter = 0; iter < 50; iter++) {
            double ga = 1e-4 * a;
            double gc = 0;
            double haa = 1e-4;
            double hac = 0;
            double hcc = 1e-9;
            for (int b = 0; b < SimilarityBins.BINS; b++) {
                double s = SimilarityBins.centre(b);
                double weight = positives[b] / np + negatives[b] / nn;
                if (weight == 0) {
                    continue;
                }
                double target = (positives[b] / np) / weight;
                double p = 1 / (1 + Math.exp(-(a * s + c)));
                double g = weight * (p - target);
                double h = weight * p * (1 - p);
                ga += g * s;
                gc += g;
                haa += h * s * s;
                hac += h * s;
                hcc += h;
            }
            double det = haa * hcc - hac * hac;
            if (det <= 0) {
                break;
            }
            double da = (hcc * ga - hac * gc) / det;
            double dc = (haa * gc - hac * ga) / det;
            a -= da;
            c -= dc;
            if (Math.abs(a) > MAX_SLOPE) {
                double mid = -c / a;
                a = Math.signum(a) * MAX_SLOPE;
                c = -a * mid;
            }
            if (Math.abs(da) < 1e-6 && Math.abs(dc) < 1e-6) {
                break;
            }
        }
        return new Logistic(a, c);
    }
}
