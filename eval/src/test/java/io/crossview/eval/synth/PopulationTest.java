package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class PopulationTest {
    private record Cut(int identity, int camera, int shot, int width, int height, byte[] pixels) {
    }

    private static List<Cut> render(long seed, int people, int cameras, int shots) throws IOException {
        List<Cut> out = new ArrayList<>();
        try (Population population = new Population(seed, people)) {
            population.render(cameras, shots, c -> {
                try (Mat bgr = c.bgr(); Mat dense = bgr.clone()) {
                    byte[] pixels = new byte[(int) (dense.total() * dense.channels())];
                    try (BytePointer data = dense.data()) {
                        data.get(pixels);
                    }
                    out.add(new Cut(c.identity(), c.camera(), c.shot(), bgr.cols(), bgr.rows(), pixels));
                }
            }, pictures -> { });
        }
        return out;
    }

    @Test
    void everyPersonIsCutWholeOnAtMostTheirOwnCamerasAndMostOnSeveral() throws IOException {
        List<Cut> cuts = render(3, 12, 2, 2);
        assertTrue(cuts.size() >= 30 && cuts.size() <= 48, cuts.size() + " crops of 12 people x 2 cameras x 2 shots");
        Map<Integer, Set<Integer>> cameras = new HashMap<>();
        Set<Integer> shots = new HashSet<>();
        for (Cut c : cuts) {
            assertTrue(c.identity() >= 1 && c.identity() <= 12, "identity " + c.identity());
            assertTrue(c.camera() >= 1 && c.camera() <= Population.CAMERAS, "camera " + c.camera());
            assertTrue(c.height() >= Population.MIN_HEIGHT && c.height() > c.width(), c.width() + "x" + c.height());
            assertTrue(shots.add(c.shot()), "shot numbers are unique: " + c.shot());
            cameras.computeIfAbsent(c.identity(), k -> new HashSet<>()).add(c.camera());
        }
        assertTrue(cameras.values().stream().allMatch(s -> s.size() <= 2), cameras.toString());
        assertTrue(cameras.values().stream().filter(s -> s.size() == 2).count() >= 8, "seen across cameras: " + cameras);
    }

    @Test
    void theSameSeedCutsTheSamePixelsAndAnotherSeedOthers() throws IOException {
        List<Cut> a = render(5, 6, 2, 1);
        List<Cut> b = render(5, 6, 2, 1);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).identity(), b.get(i).identity());
            assertArrayEquals(a.get(i).pixels(), b.get(i).pixels(), "crop " + i);
        }
        List<Cut> c = render(6, 6, 2, 1);
        assertTrue(c.isEmpty() || a.isEmpty() || !java.util.Arrays.equals(a.get(0).pixels(), c.get(0).pixels()));
    }

    @Test
    void impossibleRequestsAreRefusedInOneLine() {
        assertThrows(IllegalArgumentException.class, () -> new Population(1, 1));
        try (Population p = new Population(1, 4)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.render(Population.CAMERAS + 1, 1, c -> { }, n -> { }));
            assertTrue(e.getMessage().contains("1.." + Population.CAMERAS + " cameras"), e.getMessage());
        }
    }
}
