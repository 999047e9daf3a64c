package io.crossview.trainer.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeighboursTest {
    @Test
    void aRowOfDistancesHasExactlyThePairDistancesAndIsSymmetric() {
        // 11 points and 7 dimensions: the four-at-a-time loop and both of its tails run.
        Neighbours neighbours = Neighbours.of(LabelFixtures.randomUnits(11, 7, new SplittableRandom(3)));
        float[] row = new float[11];
        for (int i = 0; i < 11; i++) {
            neighbours.distances(i, row);
            for (int j = 0; j < 11; j++) {
                assertEquals(neighbours.distance(i, j), row[j], "row " + i + " column " + j);
                assertEquals(neighbours.distance(j, i), row[j], "symmetric at " + i + ", " + j);
            }
        }
    }

    @Test
    void duplicatesAreAtATinyDistanceThatRoundingNeverMakesNegative() {
        float[][] twice = new float[400][];
        float[][] once = LabelFixtures.randomUnits(200, 384, new SplittableRandom(4));
        for (int i = 0; i < 200; i++) {
            twice[2 * i] = once[i];
            twice[2 * i + 1] = once[i].clone();
        }
        Neighbours neighbours = Neighbours.of(twice);
        for (int i = 0; i < 400; i += 2) {
            float d = neighbours.distance(i, i + 1);
            assertTrue(d >= 0 && d < 1e-5, "duplicate pair " + i + " at " + d);
        }
    }

    @Test
    void ranksStartWithThePointThenItsNearestByDistanceThenIndex() {
        float[][] points = {{1, 0}, {0, 1}, {1, 0}, {0.8f, 0.6f}, {0, 1}};
        int[][] ranks = Neighbours.of(points).ranks(5);
        assertArrayEquals(new int[] {0, 2, 3, 1, 4}, ranks[0]);
        assertArrayEquals(new int[] {2, 0, 3, 1, 4}, ranks[2]);
        assertArrayEquals(new int[] {4, 1, 3, 0, 2}, ranks[4]);
        assertArrayEquals(new int[] {3, 0}, Neighbours.of(points).ranks(2)[3]);
    }
}
