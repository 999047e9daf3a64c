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
     * the Hessian invertible). Each step is halved until the loss does not grow: on nearly
     * separated pairs a full Newton step overshoots, and unguarded it runs off to a curve that
     * says 1 everywhere.
     */
    public static Logistic balanced(double[] positives, double[] negatives) {
        Pairs pairs = new Pairs(positives, negatives);
        double a = 10;
        double c = -10 * (SimilarityBins.mean(positives) + SimilarityBins.mean(negatives)) / 2;
        double loss = pairs.loss(a, c);
        for (int iter = 0; iter < 100; iter++) {
            double ga = RIDGE * a;
            double gc = 1e-9 * c;
            double haa = RIDGE;
            double hac = 0;
            double hcc = 1e-9;
            for (int b = 0; b < SimilarityBins.BINS; b++) {
                if (pairs.weight[b] == 0) {
                    continue;
                }
                double s = SimilarityBins.centre(b);
                double p = 1 / (1 + Math.exp(-(a * s + c)));
                double g = pairs.weight[b] * (p - pairs.target[b]);
                double h = pairs.weight[b] * p * (1 - p);
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
            double step = 1;
            double nextA = a - da;
            double nextC = c - dc;
            double nextLoss = pairs.loss(nextA, nextC);
            while (!(nextLoss <= loss) && step > 1e-6) {
                step /= 2;
                nextA = a - step * da;
                nextC = c - step * dc;
                nextLoss = pairs.loss(nextA, nextC);
            }
            if (!(nextLoss <= loss)) {
                break;
            }
            a = nextA;
            c = nextC;
            loss = nextLoss;
            if (Math.abs(a) > MAX_SLOPE) {
                double mid = -c / a;
                a = Math.signum(a) * MAX_SLOPE;
                c = -a * mid;
                loss = pairs.loss(a, c);
            }
            if (Math.abs(step * da) < 1e-6 && Math.abs(step * dc) < 1e-6) {
                break;
            }
        }
        return new Logistic(a, c);
    }

    private static final double RIDGE = 1e-4;

    /** Per bin: the weight of its pairs (each side summing to 1) and the share of it that is positive. */
    private static final class Pairs {
        final double[] weight = new double[SimilarityBins.BINS];
        final double[] target = new double[SimilarityBins.BINS];

        Pairs(double[] positives, double[] negatives) {
            double np = Math.max(SimilarityBins.total(positives), 1e-9);
            double nn = Math.max(SimilarityBins.total(negatives), 1e-9);
            for (int b = 0; b < SimilarityBins.BINS; b++) {
                weight[b] = positives[b] / np + negatives[b] / nn;
                target[b] = weight[b] == 0 ? 0 : (positives[b] / np) / weight[b];
            }
        }

        /** The weighted log-loss with the ridge, whose gradient and Hessian the Newton step uses. */
        double loss(double a, double c) {
            double sum = 0.5 * RIDGE * a * a + 0.5e-9 * c * c;
            for (int b = 0; b < SimilarityBins.BINS; b++) {
                if (weight[b] == 0) {
                    continue;
                }
                double z = a * SimilarityBins.centre(b) + c;
                // log(1 + e^-z) and log(1 + e^z), without overflow
                double softPlusMinus = Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                double softPlus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                sum += weight[b] * (target[b] * softPlusMinus + (1 - target[b]) * softPlus);
            }
            return sum;
        }
    }
}
