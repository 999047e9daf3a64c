package io.crossview.trainer.labels;

import static io.crossview.trainer.labels.KReciprocalDistanceTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceMatrixTest {
    private static float[][] randomSymmetric(int n) {
        SplittableRandom random = new SplittableRandom(n);
        float[][] d = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = (float) random.nextDouble();
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    @Test
    void theTriangleGivesBackEveryEntryOfTheDenseMatrix() {
        for (int n : new int[] {0, 1, 2, 7}) {
            float[][] dense = randomSymmetric(n);
            DistanceMatrix matrix = DistanceMatrix.of(dense);
            assertEquals(n, matrix.size());
            assertArrayEquals(dense, matrix.toDense());
            float[] row = new float[n];
            for (int i = 0; i < n; i++) {
                matrix.row(i, row);
                assertArrayEquals(dense[i], row, "row " + i);
                for (int j = 0; j < n; j++) {
                    assertEquals(dense[i][j], matrix.get(i, j));
                }
            }
        }
    }

    @Test
    void onlySquareSymmetricMatricesWithAZeroDiagonalAreAccepted() {
        assertMessage("square", () -> DistanceMatrix.of(new float[][] {{0, 1}, {1}}));
        assertMessage("itself", () -> DistanceMatrix.of(new float[][] {{0, 1}, {1, 0.5f}}));
        assertMessage("symmetric", () -> DistanceMatrix.of(new float[][] {{0, 1}, {2, 0}}));
        assertMessage("NaN", () -> DistanceMatrix.of(new float[][] {{0, Float.NaN}, {Float.NaN, 0}}));
    }

    @Test
    void indicesOutsideTheMatrixAreRejected() {
        DistanceMatrix matrix = DistanceMatrix.of(randomSymmetric(3));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.get(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.get(-1, -1));
    }
}
