package io.crossview.matcher.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.calibration.SimilarityBins;
import io.crossview.common.wire.SimilarityCounts;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationFitTest {
    /** Pairs drawn from normal distributions, binned as the linker bins them. */
    private static SimilarityCounts counts(int same, double sameMean, int others, double othersMean,
                                           int candidatesSame, double candidateSameMean, int candidatesOther, long seed) {
        Random random = new Random(seed);
        long[] a = new long[SimilarityBins.BINS];
        long[] b = new long[SimilarityBins.BINS];
        long[] c = new long[SimilarityBins.BINS];
        for (int i = 0; i < same; i++) {
            a[SimilarityBins.of(sameMean + 0.03 * random.nextGaussian())]++;
        }
        for (int i = 0; i < others; i++) {
            b[SimilarityBins.of(othersMean + 0.08 * random.nextGaussian())]++;
        }
        for (int i = 0; i < candidatesSame; i++) {
            c[SimilarityBins.of(candidateSameMean + 0.05 * random.nextGaussian())]++;
        }
        for (int i = 0; i < candidatesOther; i++) {
            c[SimilarityBins.of(othersMean + 0.08 * random.nextGaussian())]++;
        }
        SimilarityCounts.Builder out = SimilarityCounts.newBuilder().setModelVersion("m");
        for (int i = 0; i < SimilarityBins.BINS; i++) {
            out.addSameTrack(a[i]).addCoOccurring(b[i]).addCandidates(c[i]);
        }
        return out.build();
    }

    @Test
    void sameTrackCurveCrossesOneHalfBetweenTheTwoKindsOfPair() {
        Calibration c = CalibrationFit.fit(counts(2000, 0.8, 2000, 0.4, 0, 0, 0, 1), Calibration.defaults());
        assertEquals(Calibration.STREAM, c.source());
        double mid = c.sameTrack().midpoint();
        assertTrue(mid > 0.6 && mid < 0.75, "midpoint " + mid);
        assertTrue(c.sameTrack(0.85) > 0.99 && c.sameTrack(0.4) < 0.01);
    }

    @Test
    void aModelWhosePairsSitLowGetsItsOwnCurveNotTheBuiltInCosines() {
        // a learned model whose same-person pairs are at 0.6 and strangers at 0.2: the default
        // curve would call every one of its pairs a stranger
        Calibration c = CalibrationFit.fit(counts(1000, 0.6, 1000, 0.2, 200, 0.5, 800, 2), Calibration.defaults());
        assertTrue(Calibration.defaults().between(0.55) < 0.001);
        assertTrue(c.between(0.55) > 0.8, "P(0.55) = " + c.between(0.55));
        assertTrue(c.between(0.2) < 0.05);
    }

    @Test
    void theMixtureFindsHowFarOtherSightingsShiftBelowOneTrack() {
        Calibration c = CalibrationFit.fit(counts(1000, 0.9, 1000, 0.3, 200, 0.65, 800, 3), Calibration.defaults());
        assertEquals(0.2, c.candidatePositiveShare(), 0.07);
        // other sightings sit near 0.65: the between curve is sure there, the same-track one is not
        assertTrue(c.between(0.65) > 0.9, "between " + c.between(0.65));
        assertTrue(c.sameTrack(0.65) < c.between(0.65) - 0.2, "same track " + c.sameTrack(0.65));
        assertTrue(c.between().midpoint() < c.sameTrack().midpoint());
    }

    @Test
    void aMixtureThatCallsMostCandidatesTheSamePersonIsRefusedForThePrior() {
        // at most one of a decision's candidates is the person: a share of 0.9 is the EM gone wrong
        Calibration prior = Calibration.defaults();
        Calibration c = CalibrationFit.fit(counts(1000, 0.9, 1000, 0.3, 900, 0.65, 100, 3), prior);
        assertTrue(c.candidatePositiveShare() > CalibrationFit.MAX_SHARE, "share " + c.candidatePositiveShare());
        assertSame(prior.between(), c.between());
        assertEquals(Calibration.STREAM, c.source(), "the same-track curve is still the stream's");
    }

    @Test
    void tooFewPairsKeepThePrior() {
        Calibration prior = Calibration.defaults();
        assertSame(prior, CalibrationFit.fit(counts(10, 0.9, 1000, 0.3, 0, 0, 0, 4), prior));
        assertSame(prior.between(), CalibrationFit.fit(counts(1000, 0.9, 1000, 0.3, 5, 0.6, 5, 5), prior).between());
    }

    @Test
    void aModelsOwnCurvesNeverCallMostKnownStrangersTheSamePerson() {
        // trained elsewhere, the model puts P = 0.5 at 0.36; on this camera strangers reach 0.8
        Calibration own = new Calibration(Calibration.METADATA, io.crossview.common.calibration.Logistic.through(0.39, 18),
                io.crossview.common.calibration.Logistic.through(0.36, 20), 0, 0, 0, Double.NaN);
        Calibration checked = CalibrationFit.fit(counts(10, 0.9, 200, 0.6, 0, 0, 0, 4), own);
        assertTrue(checked.between().midpoint() > 0.6, "moved above the strangers: " + checked.between().midpoint());
        assertTrue(checked.sameTrack().midpoint() > 0.6);
        assertEquals(20, checked.between().slope(), 1e-9, "the slope is the model's own");
        assertSame(own, CalibrationFit.fit(counts(10, 0.9, 5, 0.6, 0, 0, 0, 4), own), "too few strangers to judge by");
        Calibration d = Calibration.defaults();
        assertSame(d, CalibrationFit.fit(counts(10, 0.9, 200, 0.95, 0, 0, 0, 4), d), "the defaults are not checked");
    }

    @Test
    void defaultsAreTheFormerFixedCosines() {
        Calibration d = Calibration.defaults();
        assertEquals(0.5, d.between(0.90), 1e-9);
        assertEquals(0.5, d.sameTrack(0.93), 1e-9);
        assertEquals(0.9, d.between(0.95), 0.01);
        assertEquals(0.1, d.between(0.85), 0.01);
    }
}
