package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class VisibilityTest {
    private static final int W = 200;
    private static final int H = 100;

    /** A backdrop whose static occluders are given per pixel (infinity: open floor). */
    private static Backdrop backdrop(float[] depth) {
        return new Backdrop(new Mat(H, W, opencv_core.CV_8UC3), new Mat(H, W, opencv_core.CV_32FC1), depth, W);
    }

    private static float[] open() {
        float[] d = new float[W * H];
        Arrays.fill(d, Float.POSITIVE_INFINITY);
        return d;
    }

    private static Figure figure(int id, double depth, double x, double y, double w, double h) {
        return new Figure(id, depth, x, y, x + w, y + h, List.of(), null);
    }

    @Test
    void aNearerPersonHidesPartOfAFartherOne() {
        try (Backdrop b = backdrop(open())) {
            Figure far = figure(1, 10, 50, 20, 20, 60);
            Figure near = figure(2, 5, 60, 20, 20, 60);
            List<GroundTruthBox> alone = Visibility.boxes(List.of(far), b, W, H);
            assertEquals(List.of(new GroundTruthBox(1, 50, 20, 20, 60, 1.0)), alone);
            List<GroundTruthBox> both = Visibility.boxes(List.of(far, near), b, W, H);
            assertEquals(0.5, both.get(0).visibility(), 1e-9, "the right half of person 1 is behind person 2");
            assertEquals(1.0, both.get(1).visibility(), 1e-9, "the nearer person is not hidden by the farther");
        }
    }

    @Test
    void someoneCompletelyBehindAnotherKeepsABoxWithVisibilityZero() {
        try (Backdrop b = backdrop(open())) {
            List<GroundTruthBox> boxes = Visibility.boxes(List.of(figure(1, 12, 50, 20, 10, 30), figure(2, 4, 40, 10, 40, 80)), b, W, H);
            assertEquals(2, boxes.size());
            assertEquals(0.0, boxes.get(0).visibility());
        }
    }

    @Test
    void thePictureBorderClipsTheBoxAndLowersVisibility() {
        try (Backdrop b = backdrop(open())) {
            GroundTruthBox box = Visibility.boxes(List.of(figure(3, 8, -10, 30, 20, 40)), b, W, H).get(0);
            assertEquals(new GroundTruthBox(3, 0, 30, 10, 40, 0.5), box);
            assertTrue(Visibility.boxes(List.of(figure(3, 8, 205, 30, 20, 40)), b, W, H).isEmpty(), "fully outside: no box");
        }
    }

    @Test
    void aWallInFrontHidesAPersonAndSomeoneFullyBehindItIsNotInView() {
        float[] depth = open();
        for (int v = 0; v < H; v++) {
            for (int u = 100; u < W; u++) {
                depth[v * W + u] = 6; // a wall 6 m away covers the right half of the picture
            }
        }
        try (Backdrop b = backdrop(depth)) {
            assertEquals(0.5, Visibility.boxes(List.of(figure(1, 9, 90, 20, 20, 40)), b, W, H).get(0).visibility(), 1e-9);
            assertEquals(1.0, Visibility.boxes(List.of(figure(1, 5, 90, 20, 20, 40)), b, W, H).get(0).visibility(), 1e-9,
                    "in front of the wall");
            assertTrue(Visibility.boxes(List.of(figure(1, 9, 120, 20, 20, 40)), b, W, H).isEmpty());
        }
    }
}
