package io.crossview.trainer.labels;

import static io.crossview.trainer.labels.KReciprocalDistanceTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.trainer.labels.PseudoLabels.Settings;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PseudoLabelsTest {
    private static final int BLOBS = 10;
    private static final int PER_BLOB = 20;
    private static final int SCATTERED = 5;

    /** 10 blobs of 20 in 32-d, then 5 points that belong to none. */
    private static float[][] blobsAndScattered() {
        SplittableRandom random = new SplittableRandom(1);
        float[][] blobs = LabelFixtures.blobs(LabelFixtures.centres(BLOBS, random), PER_BLOB, random);
        float[][] scattered = new float[SCATTERED][];
        for (int q = 0; q < SCATTERED; q++) {
            scattered[q] = LabelFixtures.scattered(q);
        }
        return LabelFixtures.concat(blobs, scattered);
    }

    private static int member(int blob, int m) {
        return blob * PER_BLOB + m;
    }

    private static int[] noGroups(int n) {
        int[] group = new int[n];
        Arrays.fill(group, -1);
        return group;
    }

    @Test
    void separatedBlobsAreRecoveredExactlyAndScatteredPointsAreOutliers() {
        float[][] x = blobsAndScattered();
        Clustering clustering = PseudoLabels.assign(x, Settings.DEFAULTS);
        LabelFixtures.assertRecovers(LabelFixtures.blobTruth(BLOBS, PER_BLOB), clustering.labels());
        for (int q = 0; q < SCATTERED; q++) {
            assertEquals(Dbscan.NOISE, clustering.label(BLOBS * PER_BLOB + q), "scattered point " + q);
        }
        assertEquals(BLOBS, clustering.clusters());
        assertEquals(SCATTERED, clustering.outliers());
        assertEquals("10 clusters, 5 outliers of 205", clustering.summary());
        assertTrue(clustering.distanceNanos() > 0 && clustering.clusterNanos() > 0);
    }

    @Test
    void twoCloseBlobsMergeAtLargeEpsAndSeparateAtSmallEps() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] centres = LabelFixtures.centres(BLOBS, random);
        // Centres at cos 0.78: the two blobs' k1 = 30 neighbourhoods overlap, their rows of V partly.
        centres[1] = LabelFixtures.near(centres[0], 0.8, random);
        float[][] x = LabelFixtures.blobs(centres, PER_BLOB, random);
        int[] truth = LabelFixtures.blobTruth(BLOBS, PER_BLOB);

        LabelFixtures.assertRecovers(truth, PseudoLabels.assign(x, Settings.DEFAULTS.withEps(0.4)).labels());

        int[] merged = PseudoLabels.assign(x, Settings.DEFAULTS.withEps(0.7)).labels();
        int[] mergedTruth = truth.clone();
        for (int i = 0; i < mergedTruth.length; i++) {
            mergedTruth[i] = Math.max(0, mergedTruth[i] - 1); // blobs 0 and 1 are one, the others stay
        }
        LabelFixtures.assertRecovers(mergedTruth, merged);
    }

    @Test
    void mustLinkAcrossTwoFarBlobsPutsThemInOneCluster() {
        float[][] x = blobsAndScattered();
        int[] group = noGroups(x.length);
        group[member(2, 3)] = 42;
        group[member(7, 11)] = 42;
        int[] linked = PseudoLabels.assign(x, group, Settings.DEFAULTS).labels();
        assertEquals(linked[member(2, 0)], linked[member(7, 0)], "blobs 2 and 7 are one cluster");
        assertNotEquals(Dbscan.NOISE, linked[member(2, 0)]);

        int[] unlinked = PseudoLabels.assign(x, noGroups(x.length), Settings.DEFAULTS).labels();
        assertNotEquals(unlinked[member(2, 3)], unlinked[member(7, 11)], "without the group they are apart");
        assertArrayEquals(PseudoLabels.assign(x, Settings.DEFAULTS).labels(), unlinked);
    }

    @Test
    void aMustLinkedOutlierJoinsTheClusterOfItsPartner() {
        float[][] x = blobsAndScattered();
        int outlier = BLOBS * PER_BLOB;
        int[] group = noGroups(x.length);
        group[outlier] = 5;
        group[member(4, 0)] = 5;
        Clustering linked = PseudoLabels.assign(x, group, Settings.DEFAULTS);
        assertEquals(linked.label(member(4, 0)), linked.label(outlier));
        assertEquals(SCATTERED - 1, linked.outliers());
        assertEquals(Dbscan.NOISE, PseudoLabels.assign(x, Settings.DEFAULTS).label(outlier));
    }

    @Test
    void aGroupSmallerThanMinSamplesThatNothingElseReachesStaysNoise() {
        float[][] x = blobsAndScattered();
        int[] group = noGroups(x.length);
        for (int q = 0; q < 3; q++) {
            group[BLOBS * PER_BLOB + q] = 9; // three scattered points, mutually at distance 0
        }
        assertEquals(SCATTERED, PseudoLabels.assign(x, group, Settings.DEFAULTS).outliers());
        Clustering three = PseudoLabels.assign(x, group, Settings.DEFAULTS.withMinSamples(3));
        assertEquals(BLOBS + 1, three.clusters());
        assertEquals(SCATTERED - 3, three.outliers());
    }

    @Test
    void theSameInputGivesTheSameLabels() {
        float[][] x = blobsAndScattered();
        assertEquals(PseudoLabels.assign(x, Settings.DEFAULTS), PseudoLabels.assign(x, Settings.DEFAULTS));
    }

    @Test
    void badSettingsAndInputsAreRejectedWithTheirName() {
        assertMessage("k1", () -> new Settings(0, 6, 0.6, 4));
        assertMessage("k2", () -> new Settings(30, 0, 0.6, 4));
        assertMessage("eps", () -> new Settings(30, 6, 0, 4));
        assertMessage("eps", () -> new Settings(30, 6, Double.NaN, 4));
        assertMessage("minSamples", () -> new Settings(30, 6, 0.6, 0));
        assertMessage("embedding 1 has 2 dimensions, embedding 0 has 3",
                () -> PseudoLabels.assign(new float[][] {{1, 0, 0}, {0, 1}}, Settings.DEFAULTS));
        assertMessage("group array has 3 entries for 2",
                () -> PseudoLabels.assign(new float[][] {{1, 0}, {0, 1}}, new int[] {1, 1, 1}, Settings.DEFAULTS));
        assertMessage("settings", () -> PseudoLabels.assign(new float[][] {{1, 0}}, null));
    }

    @Test
    void aClusteringCountsItsClustersAndOutliersAndCannotBeChangedFromOutside() {
        int[] labels = {0, 1, 0, -1, 2, 1, 0};
        Clustering clustering = Clustering.of(labels, 5, 7);
        assertEquals("3 clusters, 1 outlier of 7", clustering.toString());
        assertArrayEquals(new int[] {3, 2, 1}, clustering.clusterSizes());
        assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6}, clustering.clustered());
        labels[0] = 2;
        clustering.labels()[1] = 2;
        assertArrayEquals(new int[] {0, 1, 0, -1, 2, 1, 0}, clustering.labels());
        assertMessage("not 2 and 1", () -> new Clustering(new int[] {0, 1, 2, -1}, 2, 1, 0, 0));
        assertMessage("label of embedding 0 is -2", () -> Clustering.of(new int[] {-2}, 0, 0));
        assertMessage("cluster 1 of 0..2 has no embedding", () -> Clustering.of(new int[] {0, 2}, 0, 0));
        assertEquals("0 clusters, 0 outliers of 0", Clustering.of(new int[0], 0, 0).summary());
    }
}
