package io.crossview.trainer.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Data sets and batch checks shared by the sampler tests. */
final class SamplingFixtures {
    private SamplingFixtures() {
    }

    /** Labels of a data set whose class c has sizes[c] images, labels 10·c + 3, images interleaved. */
    static int[] labelsWithSizes(int... sizes) {
        List<Integer> labels = new ArrayList<>();
        int remaining = 0;
        for (int size : sizes) {
            remaining += size;
        }
        int[] left = sizes.clone();
        // Round-robin so a class's images are not contiguous: indices must not give classes away.
        while (remaining > 0) {
            for (int c = 0; c < left.length; c++) {
                if (left[c] > 0) {
                    labels.add(10 * c + 3);
                    left[c]--;
                    remaining--;
                }
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] randomSizes(int classes, int max, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = new int[classes];
        for (int c = 0; c < classes; c++) {
            sizes[c] = 1 + random.nextInt(max);
        }
        return sizes;
    }

    static float[][] randomDistances(int classes, int levels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] d = new float[classes][classes];
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < classes; b++) {
                // Few levels so that ties are common and the tie rule is exercised.
                d[a][b] = a == b ? 0 : random.nextInt(levels);
            }
        }
        return d;
    }

    /**
     * The classes of a batch slot by slot, after checking the batch is P distinct classes of K
     * images each, in K-long runs, with distinct images inside a run whenever the class has K.
     */
    static int[] checkPByK(Batch batch, ClassIndex classes, int p, int k) {
        assertEquals(p * k, batch.size(), "batch size");
        int[] slots = new int[p];
        Set<Integer> seen = new HashSet<>();
        for (int slot = 0; slot < p; slot++) {
            int c = classes.classOf(batch.image(slot * k));
            Set<Integer> images = new HashSet<>();
            for (int i = 0; i < k; i++) {
                int image = batch.image(slot * k + i);
                assertEquals(c, classes.classOf(image), "slot " + slot + " of " + batch + " mixes classes");
                images.add(image);
            }
            assertEquals(Math.min(k, classes.size(c)), images.size(),
                    "distinct images of class " + c + " in " + batch);
            assertTrue(seen.add(c), "class " + c + " twice in " + batch);
            slots[slot] = c;
        }
        return slots;
    }

    static Set<Integer> imagesOf(List<Batch> batches) {
        Set<Integer> used = new HashSet<>();
        for (Batch batch : batches) {
            for (int image : batch.images()) {
                used.add(image);
            }
        }
        return used;
    }
}
