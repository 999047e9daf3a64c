package io.crossview.trainer.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkSamplerTest {
    private static final int P = 5;
    private static final int K = 4;

    @Test
    void everyBatchIsPDistinctClassesOfKImagesEach() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(23, 15, 1));
        PkSampler sampler = new PkSampler(labels, P, K, 1);
        for (int epoch = 0; epoch < 3; epoch++) {
            for (Batch batch : sampler.epoch().batches()) {
                SamplingFixtures.checkPByK(batch, sampler.classes(), P, K);
            }
        }
    }

    @Test
    void everyEpochUsesEveryImageAtLeastOnce() {
        for (long seed = 0; seed < 10; seed++) {
            int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(19, 20, seed));
            PkSampler sampler = new PkSampler(labels, P, K, seed);
            for (int epoch = 0; epoch < 3; epoch++) {
                assertEquals(labels.length, SamplingFixtures.imagesOf(sampler.epoch().batches()).size(),
                        "seed " + seed + " epoch " + epoch);
            }
        }
    }

    @Test
    void anEpochHasMaxOfCeilTurnsOverPAndTheMostTurnsOfOneClassBatches() {
        for (long seed = 0; seed < 20; seed++) {
            int[] sizes = SamplingFixtures.randomSizes(13, 30, seed);
            if (seed == 0) {
                sizes[0] = 200; // one huge class: its 50 turns outnumber ceil(T / P)
            }
            int turns = Arrays.stream(sizes).map(n -> (n + K - 1) / K).sum();
            int most = Arrays.stream(sizes).map(n -> (n + K - 1) / K).max().orElseThrow();
            int expected = Math.max((turns + P - 1) / P, most);
            PkSampler sampler = new PkSampler(SamplingFixtures.labelsWithSizes(sizes), P, K, seed);
            assertEquals(expected, sampler.batchesPerEpoch(), "seed " + seed);
            assertEquals(expected, sampler.epoch().batches().size(), "seed " + seed);
        }
    }

    @Test
    void aClassWithFewerThanKImagesFillsItsKSlotsUsingEachOfThem() {
        int[] labels = SamplingFixtures.labelsWithSizes(1, 3, 9, 9, 9, 9);
        PkSampler sampler = new PkSampler(labels, P, K, 2);
        ClassIndex classes = sampler.classes();
        int smallSeen = 0;
        for (Batch batch : sampler.epoch().batches()) {
            for (int c : SamplingFixtures.checkPByK(batch, classes, P, K)) {
                if (c < 2) {
                    Set<Integer> inBatch = new HashSet<>();
                    Arrays.stream(batch.images()).filter(i -> classes.classOf(i) == c).forEach(inBatch::add);
                    assertEquals(Set.copyOf(Arrays.stream(classes.images(c)).boxed().toList()), inBatch);
                    smallSeen++;
                }
            }
        }
        assertTrue(smallSeen >= 2, "both small classes were sampled");
    }

    @Test
    void theSameSeedGivesTheSameEpochsAndEpochsDiffer() {
        int[] labels = SamplingFixtures.labelsWithSizes(SamplingFixtures.randomSizes(12, 12, 3));
        PkSampler a = new PkSampler(labels, P, K, 5);
        PkSampler b = new PkSampler(labels, P, K, 5);
        List<Batch> first = a.epoch().batches();
        assertEquals(first, b.epoch().batches());
        List<Batch> second = a.epoch().batches();
        assertEquals(second, b.epoch().batches());
        assertNotEquals(first, second);
        assertNotEquals(first, new PkSampler(labels, P, K, 6).epoch().batches());
    }

    @Test
    void pIsClampedToTheClassCount() {
        PkSampler sampler = new PkSampler(SamplingFixtures.labelsWithSizes(6, 2, 5), 10, 2, 1);
        assertEquals(3, sampler.p());
        List<Batch> batches = sampler.epoch().batches();
        assertEquals(3, batches.size()); // the 6-image class needs 3 turns
        batches.forEach(batch -> SamplingFixtures.checkPByK(batch, sampler.classes(), 3, 2));
    }

    @Test
    void theEpochReportsItsBuildCostAndNoGraphCost() {
        Epoch epoch = new PkSampler(SamplingFixtures.labelsWithSizes(8, 8, 8, 8, 8, 8), P, K, 1).epoch();
        assertTrue(epoch.buildNanos() > 0);
        assertEquals(0, epoch.graphNanos());
    }
}
