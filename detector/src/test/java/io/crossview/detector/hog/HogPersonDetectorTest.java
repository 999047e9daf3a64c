package io.crossview.detector.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.PersonBox;
import io.crossview.detector.VtestFrames;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HogPersonDetectorTest {
    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    private static Map<Integer, Mat> frames;
    private static HogPersonDetector detector;

    @BeforeAll
    static void load() throws Exception {
        frames = VtestFrames.read(260, 660, 760);
        detector = new HogPersonDetector(HogSettings.defaults());
    }

    @AfterAll
    static void release() {
        frames.values().forEach(Mat::close);
        detector.close();
    }

    // People centres below were read off the frames by eye (half-frame coordinates); each
    // must fall inside a box, so a detector drifting onto background fails even with enough boxes.

    @Test
    void findsTheThreeWalkersOnTheLeftOfFrame260() {
        assertFindsPeople(260, LEFT, new int[][] {{54, 211}, {172, 182}, {346, 257}}, 3);
    }

    @Test
    void findsTheThreeWalkersOnTheLeftOfFrame760TwoOfThemOverlapping() {
        assertFindsPeople(760, LEFT, new int[][] {{243, 227}, {261, 280}, {326, 214}}, 3);
    }

    @Test
    void findsTheThreeWalkersOnTheRightOfFrame660() {
        // The parked van at the top right also scores; it is a known HOG false positive, so
        // the upper bound leaves room for it.
        assertFindsPeople(660, RIGHT, new int[][] {{89, 240}, {249, 215}, {322, 355}}, 4);
    }

    @Test
    void findsNobodyInUniformPictures() {
        for (double grey : new double[] {0, 128, 255}) {
            try (Mat blank = new Mat(VtestFrames.HEIGHT, VtestFrames.HALF_WIDTH, opencv_core.CV_8UC3,
                    new Scalar(grey, grey, grey, 0))) {
                assertEquals(List.of(), detector.detect(blank), "grey level " + grey);
            }
        }
    }

    @Test
    void findsNobodyInAPictureSmallerThanTheWindow() {
        try (Mat tiny = new Mat(20, 10, opencv_core.CV_8UC3, new Scalar(90, 90, 90, 0))) {
            assertEquals(List.of(), detector.detect(tiny));
        }
    }

    @Test
    void rejectsAnEmptyPicture() {
        try (Mat empty = new Mat()) {
            assertThrows(IllegalArgumentException.class, () -> detector.detect(empty));
        }
    }

    @Test
    void searchesOnlyThePyramidLevelsOfTheWantedSizes() {
        assertEquals("start scale 1.800, 8 levels of 1.20", detector.pyramidDescription());
    }

    private static void assertFindsPeople(int frame, int side, int[][] centres, int maxBoxes) {
        List<PersonBox> boxes;
        try (Mat half = VtestFrames.half(frames.get(frame), side)) {
            boxes = detector.detect(half);
        }
        String where = "frame " + frame + (side == LEFT ? " left" : " right") + ": " + boxes;
        assertTrue(boxes.size() >= centres.length && boxes.size() <= maxBoxes, where);
        for (int[] c : centres) {
            assertTrue(boxes.stream().anyMatch(b -> contains(b, c[0], c[1])),
                    "nobody found around (" + c[0] + ", " + c[1] + ") in " + where);
        }
        HogSettings s = HogSettings.defaults();
        for (PersonBox b : boxes) {
            assertTrue(b.x() >= 0 && b.y() >= 0 && b.right() <= VtestFrames.HALF_WIDTH
                    && b.bottom() <= VtestFrames.HEIGHT, "box outside the half-frame: " + b);
            assertTrue(b.height() >= s.minBoxHeight() && b.height() <= s.maxBoxHeight(), "box height: " + b);
            double aspect = b.width() / (double) b.height();
            assertTrue(aspect > 0.35 && aspect < 0.65, "not a standing person's shape: " + b);
            assertTrue(b.score() >= s.hitThreshold(), "score under the hit threshold: " + b);
        }
        for (int i = 1; i < boxes.size(); i++) {
            assertTrue(boxes.get(i - 1).score() >= boxes.get(i).score(), "not best first: " + where);
        }
    }

    private static boolean contains(PersonBox b, int x, int y) {
        return x >= b.x() && x < b.right() && y >= b.y() && y < b.bottom();
    }
}
