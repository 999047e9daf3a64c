package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticWorldTest {
    /** Small pictures and a short recording keep the test fast; the site and walks are the same. */
    private static final WorldSpec SPEC = new WorldSpec(11, 4, 12, 30, 5, 320, 240);
    private static SyntheticWorld world;

    @BeforeAll
    static void build() {
        world = SyntheticWorld.create(SPEC);
    }

    @AfterAll
    static void close() {
        world.close();
    }

    @Test
    void theWorldDescribesItself() {
        assertEquals(List.of("cam1", "cam2", "cam3", "cam4"), world.cameras());
        assertEquals(150, world.frames());
        assertEquals(5, world.fps());
        assertEquals(12, world.people());
        try (Mat m = world.render("cam3", 0)) {
            assertEquals(320, m.cols());
            assertEquals(240, m.rows());
            assertEquals(3, m.channels());
        }
        assertThrows(IllegalArgumentException.class, () -> world.render("cam9", 0));
        assertThrows(IllegalArgumentException.class, () -> world.groundTruth("cam1", 150));
    }

    @Test
    void theSameSeedGivesTheSamePicturesAndTruthAndAnotherSeedDoesNot() {
        try (SyntheticWorld twin = SyntheticWorld.create(SPEC);
             SyntheticWorld other = SyntheticWorld.create(SPEC.withSeed(12))) {
            for (String camera : world.cameras()) {
                for (int frame : new int[] {0, 77, 149}) {
                    // asked in another order on purpose: frames do not depend on what was rendered before
                    try (Mat b = twin.render(camera, frame); Mat a = world.render(camera, frame); Mat c = other.render(camera, frame)) {
                        assertTrue(java.util.Arrays.equals(bytes(a), bytes(b)), camera + " frame " + frame);
                        assertFalse(java.util.Arrays.equals(bytes(a), bytes(c)), camera + " frame " + frame);
                    }
                    assertEquals(world.groundTruth(camera, frame), twin.groundTruth(camera, frame));
                }
            }
            assertNotEquals(truthOfAllFrames(world, "cam1"), truthOfAllFrames(other, "cam1"));
        }
    }

    @Test
    void boxesLieInThePictureAndCoverWhatDiffersFromTheEmptyScene() {
        // the same seed without people renders the same cameras, looks and sensor noise
        try (SyntheticWorld empty = SyntheticWorld.create(SPEC.withPeople(0))) {
            int checkedBoxes = 0;
            for (String camera : world.cameras()) {
                for (int frame = 0; frame < world.frames(); frame += 10) {
                    List<GroundTruthBox> boxes = world.groundTruth(camera, frame);
                    assertTrue(empty.groundTruth(camera, frame).isEmpty());
                    if (boxes.isEmpty()) {
                        continue;
                    }
                    try (Mat a = world.render(camera, frame); Mat b = empty.render(camera, frame)) {
                        byte[] full = bytes(a);
                        byte[] bare = bytes(b);
                        boolean[] nearBox = new boolean[320 * 240];
                        for (GroundTruthBox box : boxes) {
                            assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.w() <= 320 && box.y() + box.h() <= 240,
                                    box.toString());
                            assertTrue(box.visibility() >= 0 && box.visibility() <= 1);
                            // shadows reach a little beyond the feet and the lens blur one pixel further
                            mark(nearBox, box.x() - 6, box.y() - 2, box.w() + 12, box.h() + 8);
                            if (box.visibility() >= 0.9 && box.h() >= 20) {
                                double inside = changed(full, bare, box.x(), box.y(), box.w(), box.h(), null);
                                assertTrue(inside > 0.3, camera + " frame " + frame + " " + box + " differs in " + inside);
                                checkedBoxes++;
                            }
                        }
                        double outside = changed(full, bare, 0, 0, 320, 240, nearBox);
                        assertTrue(outside < 0.002, camera + " frame " + frame + ": " + outside + " of the rest changed");
                    }
                }
            }
            assertTrue(checkedBoxes >= 10, "only " + checkedBoxes + " fully visible people checked");
        }
    }

    @Test
    void peopleAreSeenAndSomeAreHiddenBehindOthersOrTheScene() {
        int boxes = 0;
        int partly = 0;
        for (String camera : world.cameras()) {
            for (int frame = 0; frame < world.frames(); frame += 2) {
                for (GroundTruthBox b : world.groundTruth(camera, frame)) {
                    boxes++;
                    partly += b.visibility() < 0.8 ? 1 : 0;
                    assertTrue(b.id() >= 1 && b.id() <= 12);
                }
            }
        }
        assertTrue(boxes > 300, "boxes: " + boxes);
        assertTrue(partly > 10, "partly hidden boxes: " + partly);
    }

    private static String truthOfAllFrames(SyntheticWorld w, String camera) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < w.frames(); f += 5) {
            sb.append(w.groundTruth(camera, f));
        }
        return sb.toString();
    }

    /** Fraction of pixels (optionally outside a mask) where some channel differs by more than 24. */
    private static double changed(byte[] a, byte[] b, int x, int y, int w, int h, boolean[] skip) {
        int n = 0;
        int diff = 0;
        for (int v = y; v < y + h; v++) {
            for (int u = x; u < x + w; u++) {
                int p = v * 320 + u;
                if (skip != null && skip[p]) {
                    continue;
                }
                n++;
                for (int c = 0; c < 3; c++) {
                    if (Math.abs((a[p * 3 + c] & 0xff) - (b[p * 3 + c] & 0xff)) > 24) {
                        diff++;
                        break;
                    }
                }
            }
        }
        return n == 0 ? 0 : diff / (double) n;
    }

    private static void mark(boolean[] mask, int x, int y, int w, int h) {
        for (int v = Math.max(0, y); v < Math.min(240, y + h); v++) {
            for (int u = Math.max(0, x); u < Math.min(320, x + w); u++) {
                mask[v * 320 + u] = true;
            }
        }
    }

    static byte[] bytes(Mat m) {
        byte[] out = new byte[(int) (m.total() * m.channels())];
        try (BytePointer p = m.data()) {
            p.get(out);
        }
        return out;
    }
}
