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

    /** Bin, count, bin, count, ...: a small trained model's held-out pairs (see the trainer's TrainJobTest). */
    private static final int[] LEARNED_POSITIVES = {
            160, 1, 162, 1, 163, 1, 169, 1, 170, 1, 173, 2, 174, 2, 175, 2, 176, 1, 177, 1, 180, 1,
            181, 1, 182, 1, 183, 9, 185, 3, 186, 5, 187, 5, 188, 1, 189, 3, 190, 6, 191, 8, 192, 5,
            193, 5, 194, 8, 195, 9, 196, 8, 197, 15, 198, 2, 199, 4};
    private static final int[] LEARNED_NEGATIVES = {
            52, 1, 55, 1, 56, 1, 57, 3, 58, 4, 59, 1, 60, 5, 61, 5, 62, 5, 63, 7, 64, 7, 65, 7, 66,
            10, 67, 7, 68, 6, 69, 12, 70, 9, 71, 11, 72, 10, 73, 17, 74, 21, 75, 12, 76, 7, 77, 6,
            78, 4, 79, 8, 80, 12, 81, 8, 82, 10, 83, 7, 84, 7, 85, 6, 86, 4, 87, 8, 88, 9, 89, 2,
            90, 3, 91, 2, 92, 4, 93, 6, 94, 4, 95, 3, 96, 2, 97, 5, 98, 3, 99, 1, 100, 2, 101, 2,
            103, 4, 104, 2, 106, 1, 107, 3, 108, 5, 109, 1, 110, 1, 111, 1, 112, 1, 113, 1, 114, 1,
            116, 1, 117, 1, 140, 1, 145, 1, 149, 2, 151, 2, 153, 1, 154, 1, 155, 1, 159, 1, 160, 1,
            161, 1, 163, 1, 164, 1, 168, 1, 169, 1, 170, 2, 172, 5, 174, 2, 175, 6, 176, 5, 177, 1,
            178, 3, 179, 3, 180, 1, 181, 2, 182, 3, 183, 4, 185, 4, 186, 4, 188, 1, 189, 1, 190, 1};

    private static double[] binned(int[] binsAndCounts) {
        double[] h = new double[SimilarityBins.BINS];
        for (int i = 0; i < binsAndCounts.length; i += 2) {
            h[binsAndCounts[i]] = binsAndCounts[i + 1];
        }
        return h;
    }

    @Test
    void overlappingPairsOfALearnedModelDoNotSendTheCurveOffToOneEverywhere() {
        // full Newton steps swung the slope between -400 and 400 on these and ended at P = 0.5 near -26000
        Logistic l = LogisticFit.balanced(binned(LEARNED_POSITIVES), binned(LEARNED_NEGATIVES));
        assertTrue(l.midpoint() > 0.5 && l.midpoint() < 0.85, l.toString());
        assertTrue(l.probability(0.95) > 0.8 && l.probability(-0.2) < 0.01, l.toString());
    }

    @Test
    void aCurveIsFinite() {
        assertThrows(IllegalArgumentException.class, () -> new Logistic(Double.NaN, 0));
        assertEquals(0.5, Logistic.through(0.8, 30).probability(0.8), 1e-12);
    }
}
