package io.crossview.trainer.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GraphSamplerTest {
    private static final int P = 4;
    private static final int K = 3;

    @Test
    void eachClassAnchorsExactlyOneBatchAndLeadsIt() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(17, 10, 1));
        GraphSampler sampler = new GraphSampler(labels, P, K, 42);
        List<Batch> batches = sampler.epoch(SamplingFixtures.randomDistances(17, 5, 2)).batches();

        assertEquals(17, batches.size());
        int[] anchors = batches.stream()
                .mapToInt(b -> SamplingFixtures.checkPByK(b, sampler.classes(), P, K)[0]).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 17).toArray(), anchors);
    }

    @Test
    void aCappedEpochAnchorsThatManyDifferentClassesDrawnAtRandomEachEpoch() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(40, 10, 1));
        GraphSampler sampler = new GraphSampler(labels, P, K, 42);
        float[][] d = SamplingFixtures.randomDistances(40, 5, 2);
        int[] first = anchors(sampler, sampler.epoch(d, 6).batches());
        int[] second = anchors(sampler, sampler.epoch(d, 6).batches());
        assertEquals(6, first.length);
        assertEquals(6, IntStream.of(first).distinct().count(), "no class anchors twice");
        assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second), "the anchors change");
        assertEquals(40, sampler.epoch(d, 100).batches().size(), "a cap above the class count changes nothing");
    }

    private static int[] anchors(GraphSampler sampler, List<Batch> batches) {
        return batches.stream().mapToInt(b -> SamplingFixtures.checkPByK(b, sampler.classes(), P, K)[0]).sorted().toArray();
    }

    @Test
    void batchesAreTrainedInAShuffledOrderNotAnchorOrder() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(30, 6, 8));
        GraphSampler sampler = new GraphSampler(labels, P, K, 8);
        float[][] d = SamplingFixtures.randomDistances(30, 5, 8);
        int[] first = anchorOrder(sampler.epoch(d).batches(), sampler.classes());
        int[] second = anchorOrder(sampler.epoch(d).batches(), sampler.classes());
        assertNotEquals(Arrays.toString(IntStream.range(0, 30).toArray()), Arrays.toString(first));
        assertNotEquals(Arrays.toString(first), Arrays.toString(second));
    }

    private static int[] anchorOrder(List<Batch> batches, ClassIndex classes) {
        return batches.stream().mapToInt(b -> classes.classOf(b.image(0))).toArray();
    }

    @Test
    void theOtherClassesOfABatchAreItsAnchorsPMinusOneNearestWithTiesByClassId() {
        for (long seed = 0; seed < 10; seed++) {
            int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(20, 8, seed));
            float[][] d = SamplingFixtures.randomDistances(20, 3, seed + 100);
            GraphSampler sampler = new GraphSampler(labels, P, K, seed);
            for (Batch batch : sampler.epoch(d).batches()) {
                int[] slots = SamplingFixtures.checkPByK(batch, sampler.classes(), P, K);
                int anchor = slots[0];
                int[] expected = IntStream.range(0, 20).filter(b -> b != anchor).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(b -> d[anchor][b]).thenComparing(b -> b))
                        .limit(P - 1).mapToInt(Integer::intValue).toArray();
                assertArrayEquals(expected, Arrays.copyOfRange(slots, 1, P), "neighbours of class " + anchor);
            }
        }
    }

    @Test
    void aClassInMBatchesContributesExactlyMinOfItsSizeAndKTimesMDistinctImages() {
        for (long seed = 0; seed < 10; seed++) {
            int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(15, 12, seed));
            GraphSampler sampler = new GraphSampler(labels, P, K, seed);
            ClassIndex classes = sampler.classes();
            List<Batch> batches = sampler.epoch(SamplingFixtures.randomDistances(15, 4, seed)).batches();

            int[] appearances = new int[15];
            for (Batch batch : batches) {
                for (int c : SamplingFixtures.checkPByK(batch, classes, P, K)) {
                    appearances[c]++;
                }
            }
            Set<Integer> used = SamplingFixtures.imagesOf(batches);
            for (int c = 0; c < 15; c++) {
                int distinct = 0;
                for (int image : classes.images(c)) {
                    distinct += used.contains(image) ? 1 : 0;
                }
                assertEquals(Math.min(classes.size(c), K * appearances[c]), distinct,
                        "seed " + seed + " class " + c + " of " + classes.size(c) + " in " + appearances[c] + " batches");
            }
        }
    }

    @Test
    void everyImageIsUsedWhenNoClassHasMoreThanKImages() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(12, K, 9));
        GraphSampler sampler = new GraphSampler(labels, P, K, 9);
        List<Batch> batches = sampler.epoch(SamplingFixtures.randomDistances(12, 4, 9)).batches();
        assertEquals(labels.length, SamplingFixtures.imagesOf(batches).size());
    }

    @Test
    void aClassWithFewerThanKImagesFillsItsKSlotsUsingEachOfThem() {
        int[] labels = SamplingFixtures.labelsWithSizes(1, 2, 6, 6, 6);
        GraphSampler sampler = new GraphSampler(labels, 3, 4, 3);
        ClassIndex classes = sampler.classes();
        for (Batch batch : sampler.epoch(SamplingFixtures.randomDistances(5, 2, 3)).batches()) {
            for (int c : SamplingFixtures.checkPByK(batch, classes, 3, 4)) {
                if (c < 2) {
                    Set<Integer> inBatch = new HashSet<>();
                    Arrays.stream(batch.images()).filter(i -> classes.classOf(i) == c).forEach(inBatch::add);
                    assertEquals(Set.copyOf(Arrays.stream(classes.images(c)).boxed().toList()), inBatch);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameEpochsAndEpochsDiffer() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(10, 9, 4));
        float[][] d = SamplingFixtures.randomDistances(10, 4, 4);
        GraphSampler a = new GraphSampler(labels, P, K, 77);
        GraphSampler b = new GraphSampler(labels, P, K, 77);
        List<Batch> first = a.epoch(d).batches();
        assertEquals(first, b.epoch(d).batches());
        List<Batch> second = a.epoch(d).batches();
        assertEquals(second, b.epoch(d).batches());
        assertNotEquals(first, second);
        assertNotEquals(first, new GraphSampler(labels, P, K, 78).epoch(d).batches());
    }

    @Test
    void pIsClampedToTheClassCount() {
        int[] labels = SamplingFixtures.labelsWithSizes(5, 5);
        GraphSampler sampler = new GraphSampler(labels, 8, 2, 1);
        assertEquals(2, sampler.p());
        List<Batch> batches = sampler.epoch(new float[][] {{0, 1}, {1, 0}}).batches();
        assertEquals(2, batches.size());
        batches.forEach(batch -> SamplingFixtures.checkPByK(batch, sampler.classes(), 2, 2));
    }

    @Test
    void theEpochReportsItsCostWithTheGraphAsPartOfIt() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(50, 9, 4));
        Epoch epoch = new GraphSampler(labels, P, K, 1).epoch(SamplingFixtures.randomDistances(50, 100, 4));
        assertTrue(epoch.buildNanos() > 0);
        assertTrue(epoch.graphNanos() > 0 && epoch.graphNanos() <= epoch.buildNanos());
    }

    @Test
    void aDistanceMatrixOfTheWrongSizeIsRejected() {
        GraphSampler sampler = new GraphSampler(SamplingFixtures.labelsWithSizes(3, 3, 3), 2, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> sampler.epoch(new float[][] {{0, 1}, {1, 0}}));
    }
}
