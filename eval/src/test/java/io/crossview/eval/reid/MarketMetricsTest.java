package io.crossview.eval.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarketMetricsTest {
    /*
     * Gallery:  g0 = id 1 cam 1,  g1 = id 1 cam 2,  g2 = id 2 cam 2,  g3 = id 0 (distractor) cam 3,
     *           g4 = id 2 cam 1.
     */
    private static final int[] GALLERY_IDS = {1, 1, 2, 0, 2};
    private static final int[] GALLERY_CAMS = {1, 2, 2, 3, 1};

    /*
     * q0 = id 1, cam 1. Distances give the order g0 .1, g2 .2, g3 .3, g1 .4, g4 .5. g0 is the same
     * person in the same camera: dropped. Kept: g2 x, g3 x, g1 HIT, g4 x. First match at rank 3;
     * AP = (1/3) / 1 = 1/3. (Without the exclusion g0 would be a rank-1 hit.)
     *
     * q1 = id 2, cam 3: nothing of id 2 in cam 3, nothing dropped. Order g2 .05 HIT, g3 .2 x,
     * g0 .3 x, g4 .4 HIT, g1 .6 x. First match at rank 1; AP = (1/1 + 2/4) / 2 = 3/4.
     *
     * q2 = id 3, cam 1: id 3 is not in the gallery, so the query is skipped.
     *
     * Over the 2 evaluated queries: rank-1 = (0 + 1) / 2 = 0.5, rank-2 = 0.5, rank-3 and on = 1;
     * mAP = (1/3 + 3/4) / 2 = 13/24.
     */
    private static final float[][] DISTANCES = {
            {0.1f, 0.4f, 0.2f, 0.3f, 0.5f},
            {0.3f, 0.6f, 0.05f, 0.2f, 0.4f},
            {0.1f, 0.2f, 0.3f, 0.4f, 0.5f},
    };

    @Test
    void handComputedCmcAndMap() {
        MarketMetrics.Scores s = MarketMetrics.compute(DISTANCES, new int[] {1, 2, 3}, new int[] {1, 3, 1},
                GALLERY_IDS, GALLERY_CAMS);
        assertEquals(2, s.evaluated());
        assertEquals(1, s.skipped());
        assertEquals(0.5, s.rank(1), 1e-12);
        assertEquals(0.5, s.rank(2), 1e-12);
        assertEquals(1.0, s.rank(3), 1e-12);
        assertEquals(1.0, s.rank(5), 1e-12);
        assertEquals(1.0, s.rank(10), 1e-12);
        assertEquals(1.0, s.rank(MarketMetrics.MAX_RANK), 1e-12); // defined past the gallery size too
        assertEquals(13.0 / 24, s.mAP(), 1e-12);
    }

    @Test
    void sameCameraExclusionOnlyDropsTheQueryPersonsOwnCamera() {
        // q = id 2, cam 2: g2 (id 2 cam 2, nearest) is dropped. Order g2 .01 dropped, g3 .1 x,
        // g0 .2 x, g4 .3 HIT, g1 .4 x: first match at rank 3, AP = 1/3. g4, also id 2 but from
        // camera 1, stays.
        float[][] d = {{0.2f, 0.4f, 0.01f, 0.1f, 0.3f}};
        MarketMetrics.Scores s = MarketMetrics.compute(d, new int[] {2}, new int[] {2}, GALLERY_IDS, GALLERY_CAMS);
        assertEquals(0.0, s.rank(2), 1e-12);
        assertEquals(1.0, s.rank(3), 1e-12);
        assertEquals(1.0 / 3, s.mAP(), 1e-12);
    }

    @Test
    void distractorsAreOrdinaryNegatives() {
        // q = id 1, cam 3: the distractor g3 (id 0, cam 3) shares the camera but not the identity,
        // so it stays and ranks first. Order g3 .0 x, g1 .1 HIT, g0 .2 HIT, g2 .3 x, g4 .4 x:
        // AP = (1/2 + 2/3) / 2 = 7/12.
        float[][] d = {{0.2f, 0.1f, 0.3f, 0.0f, 0.4f}};
        MarketMetrics.Scores s = MarketMetrics.compute(d, new int[] {1}, new int[] {3}, GALLERY_IDS, GALLERY_CAMS);
        assertEquals(0.0, s.rank(1), 1e-12);
        assertEquals(1.0, s.rank(2), 1e-12);
        assertEquals(7.0 / 12, s.mAP(), 1e-12);
    }

    @Test
    void tiesRankInGalleryOrder() {
        // all equal: the order is g0..g4. q = id 2, cam 3: g2 HIT at 3, g4 HIT at 5,
        // AP = (1/3 + 2/5) / 2 = 11/30.
        float[][] d = {{0.5f, 0.5f, 0.5f, 0.5f, 0.5f}};
        MarketMetrics.Scores s = MarketMetrics.compute(d, new int[] {2}, new int[] {3}, GALLERY_IDS, GALLERY_CAMS);
        assertEquals(0.0, s.rank(2), 1e-12);
        assertEquals(1.0, s.rank(3), 1e-12);
        assertEquals(11.0 / 30, s.mAP(), 1e-12);
    }

    @Test
    void negativeDistancesOrderBeforePositiveOnes() {
        // cosine distances of near-identical unit vectors can come out a hair below zero
        float[][] d = {{0.5f, -1e-7f, 0.3f, -0.0f, 2f}};
        // q = id 1, cam 3. Order g1 -1e-7 HIT, g3 -0 x, g2 .3 x, g0 .5 HIT, g4 2 x: AP = (1 + 2/4) / 2
        MarketMetrics.Scores s = MarketMetrics.compute(d, new int[] {1}, new int[] {3}, GALLERY_IDS, GALLERY_CAMS);
        assertEquals(1.0, s.rank(1), 1e-12);
        assertEquals(0.75, s.mAP(), 1e-12);
    }

    @Test
    void noValidQueryIsAnError() {
        float[][] d = {{0.1f, 0.2f, 0.3f, 0.4f, 0.5f}};
        // identity 9 is nowhere in the gallery
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarketMetrics.compute(d, new int[] {9}, new int[] {1}, GALLERY_IDS, GALLERY_CAMS));
        assertTrue(e.getMessage().contains("undefined"), e.getMessage());
    }

    @Test
    void queryWhoseOnlyMatchesShareItsCameraIsSkipped() {
        int[] ids = {1, 1, 2};
        int[] cams = {1, 1, 2};
        float[][] d = {{0.1f, 0.2f, 0.3f}, {0.3f, 0.2f, 0.1f}};
        // q0 = id 1 cam 1: both id-1 items are in cam 1, skipped. q1 = id 2 cam 1: g2 HIT at 1.
        MarketMetrics.Scores s = MarketMetrics.compute(d, new int[] {1, 2}, new int[] {1, 1}, ids, cams);
        assertEquals(1, s.evaluated());
        assertEquals(1, s.skipped());
        assertEquals(1.0, s.rank(1), 1e-12);
        assertEquals(1.0, s.mAP(), 1e-12);
    }

    @Test
    void rejectsMismatchedShapesAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> MarketMetrics.compute(new float[][] {{0.1f, 0.2f}},
                new int[] {1}, new int[] {1}, GALLERY_IDS, GALLERY_CAMS));
        assertThrows(IllegalArgumentException.class, () -> MarketMetrics.compute(DISTANCES,
                new int[] {1}, new int[] {1}, GALLERY_IDS, GALLERY_CAMS));
        assertThrows(IllegalArgumentException.class, () -> MarketMetrics.compute(new float[][] {{Float.NaN, 0, 0, 0, 0}},
                new int[] {1}, new int[] {1}, GALLERY_IDS, GALLERY_CAMS));
        MarketMetrics.Scores s = MarketMetrics.compute(DISTANCES, new int[] {1, 2, 3}, new int[] {1, 3, 1},
                GALLERY_IDS, GALLERY_CAMS);
        assertThrows(IllegalArgumentException.class, () -> s.rank(0));
        assertThrows(IllegalArgumentException.class, () -> s.rank(MarketMetrics.MAX_RANK + 1));
    }
}
