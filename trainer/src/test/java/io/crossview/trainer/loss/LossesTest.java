package io.crossview.trainer.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.trainer.model.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class LossesTest {
    private static final float S = (float) Math.sqrt(0.5);

    @Test
    void tripletLossIsTheHingeOfHardestPositiveAgainstHardestNegative() {
        try (PointerScope scope = new PointerScope()) {
            // a0 and a1 are one class 90 degrees apart; b sits 45 degrees from a0
            Tensor x = Tensors.floats(new float[] {1, 0, 0, 1, S, S}, 3, 2);
            Tensor y = Tensors.longs(new long[] {0, 0, 1});
            double dPos = Math.sqrt(2);
            double dNeg = Math.sqrt(2 - 2 * S);
            // row a0: hardest positive a1 (1.414), hardest negative b (0.765); a1 the same by symmetry;
            // row b: no positive but itself (0), hardest negative 0.765: hinge 0.
            double expected = (2 * Math.max(0, dPos - dNeg + 0.3)) / 3;
            assertEquals(expected, new BatchHardTriplet(0.3).loss(x, y).item_float(), 1e-4);
        }
    }

    @Test
    void tripletLossIsZeroWhenClassesAreFartherApartThanTheMargin() {
        try (PointerScope scope = new PointerScope()) {
            Tensor x = Tensors.floats(new float[] {1, 0, 1, 0, 0, 1, 0, 1}, 4, 2);
            Tensor y = Tensors.longs(new long[] {0, 0, 1, 1});
            assertEquals(0, new BatchHardTriplet(0.3).loss(x, y).item_float(), 1e-5);
        }
    }

    @Test
    void clusterMemoryLossFallsAsAPictureMovesToItsCentroid() {
        float[][] pictures = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
        ClusterMemory memory = ClusterMemory.ofCentroids(pictures, new int[] {0, 0, 1, 1}, 2, 0.05, 0.1);
        try (PointerScope scope = new PointerScope()) {
            Tensor y = Tensors.longs(new long[] {0});
            float near = memory.loss(Tensors.floats(new float[] {1, 0}, 1, 2), y).item_float();
            float between = memory.loss(Tensors.floats(new float[] {S, S}, 1, 2), y).item_float();
            float far = memory.loss(Tensors.floats(new float[] {0, 1}, 1, 2), y).item_float();
            assertTrue(near < between && between < far, near + " " + between + " " + far);
            assertEquals(Math.log(2), between, 1e-4, "equidistant from both centroids");
        }
    }

    @Test
    void clusterMemoryUpdateMovesTheCentroidMostOfTheWayWithMomentumPointOne() {
        ClusterMemory memory = ClusterMemory.ofCentroids(new float[][] {{1, 0}, {0, 1}}, new int[] {0, 1}, 2, 0.05, 0.1);
        memory.update(new float[][] {{0, 1}}, new int[] {0});
        float[] c = memory.centroid(0);
        // 0.1·(1,0) + 0.9·(0,1), normalised
        double norm = Math.sqrt(0.01 + 0.81);
        assertEquals(0.1 / norm, c[0], 1e-6);
        assertEquals(0.9 / norm, c[1], 1e-6);
        assertEquals(1, memory.centroid(1)[1], 1e-6, "untouched cluster stays");
    }
}
