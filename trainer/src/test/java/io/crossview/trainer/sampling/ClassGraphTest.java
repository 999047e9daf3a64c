package io.crossview.trainer.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClassGraphTest {
    @Test
    void distancesAreSquaredEuclideanOnAHandComputedExample() {
        float[][] d = ClassGraph.distances(new float[][] {{0, 0}, {3, 4}, {1, 0}});
        assertArrayEquals(new float[] {0, 25, 1}, d[0]);
        assertArrayEquals(new float[] {25, 0, 20}, d[1]);
        assertArrayEquals(new float[] {1, 20, 0}, d[2]);
    }

    @Test
    void distancesAreSymmetricWithAZeroDiagonal() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] e = new float[30][16];
        for (float[] row : e) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        float[][] d = ClassGraph.distances(e);
        for (int a = 0; a < d.length; a++) {
            assertEquals(0f, d[a][a]);
            for (int b = 0; b < d.length; b++) {
                assertEquals(d[a][b], d[b][a], "d[" + a + "][" + b + "]");
            }
        }
    }

    @Test
    void distancesRejectEmbeddingsOfDifferentDimensions() {
        assertThrows(IllegalArgumentException.class, () -> ClassGraph.distances(new float[][] {{0, 0}, {1}}));
    }

    @Test
    void nearestIsABruteForceSortOfEachRowWithTiesBySmallerClassId() {
        for (long seed = 0; seed < 20; seed++) {
            float[][] d = SamplingFixtures.randomDistances(25, 4, seed);
            int[][] nearest = ClassGraph.nearest(d, 6);
            for (int a = 0; a < d.length; a++) {
                int row = a;
                int[] expected = IntStream.range(0, d.length).filter(b -> b != row).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(b -> d[row][b]).thenComparing(b -> b))
                        .limit(6).mapToInt(Integer::intValue).toArray();
                assertArrayEquals(expected, nearest[a], "seed " + seed + " class " + a);
            }
        }
    }

    @Test
    void nearestOrdersNegativeDistancesAndTreatsMinusZeroAsZero() {
        float[][] d = {{0, 2, 0, -1, -0.0f}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        assertArrayEquals(new int[] {3, 2, 4, 1}, ClassGraph.nearest(d, 4)[0]);
    }

    @Test
    void nearestRejectsNaNAndMoreNeighboursThanOtherClasses() {
        float[][] d = {{0, Float.NaN}, {1, 0}};
        assertThrows(IllegalArgumentException.class, () -> ClassGraph.nearest(d, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassGraph.nearest(new float[][] {{0, 1}, {1, 0}}, 2));
    }

    @Test
    void representativesAreOneImageOfEachClassInAscendingLabelOrder() {
        int[] labels = {7, -2, 7, 40, -2, 7, 40};
        ClassIndex classes = ClassIndex.of(labels);
        Set<Integer> picked = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            int[] reps = ClassGraph.pickRepresentatives(labels, new SplittableRandom(seed));
            assertEquals(3, reps.length);
            assertEquals(-2, labels[reps[0]]);
            assertEquals(7, labels[reps[1]]);
            assertEquals(40, labels[reps[2]]);
            assertEquals(classes.label(1), labels[reps[1]]);
            picked.add(reps[1]);
        }
        assertEquals(Set.of(0, 2, 5), picked, "every image of class 7 is picked for some seed");
    }
}
