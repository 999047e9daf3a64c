package io.crossview.common.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitTest {
    private static double[] normal(int n, double mean, double sd, long seed) {
        Random random = new Random(seed);
        double[] h = new double[SimilarityBins.BINS];
        for (int i = 0; i < n; i++) {
            h[SimilarityBins.of(mean + sd * random.nextGaussian())]++;
        }
        return h;
    }

    @Test
    void curveCrossesOneHalfMidwayBetweenEquallySpreadPairsWhateverTheirNumbers() {
        Logistic few = LogisticFit.balanced(normal(300, 0.7, 0.05, 1), normal(30_000, 0.3, 0.05, 2));
        assertEquals(0.5, few.midpoint(), 0.02);
        assertTrue(few.slope() > 0);
        assertTrue(few.probability(0.7) > 0.99 && few.probability(0.3) < 0.01);
    }

    @Test
    void perfectlySeparatedPairsGiveAFiniteCurveSureOfBoth() {
        double[] positives = new double[SimilarityBins.BINS];
        double[] negatives = new double[SimilarityBins.BINS];
        positives[SimilarityBins.of(0.9)] = 50;
        negatives[SimilarityBins.of(0.1)] = 50;
        Logistic l = LogisticFit.balanced(positives, negatives);
        assertTrue(l.slope() > 0 && l.slope() <= LogisticFit.MAX_SLOPE, "slope " + l.slope());
        assertEquals(0.5, l.midpoint(), 0.01);
        assertTrue(l.probability(0.9) > 0.99 && l.probability(0.1) < 0.01, l.toString());
    }

    @Test
    void aCurveIsFinite() {
        assertThrows(IllegalArgumentException.class, () -> new Logistic(Double.NaN, 0));
        assertEquals(0.5, Logistic.through(0.8, 30).probability(0.8), 1e-12);
    }
}
