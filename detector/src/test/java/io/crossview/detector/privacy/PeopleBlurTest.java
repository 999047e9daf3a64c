package io.crossview.detector.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.PersonBox;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class PeopleBlurTest {
    /** A fine checkerboard: the detail a face or a shirt's print has, and the thing blurring must remove. */
    private static Mat checkerboard(int width, int height) {
        Mat picture = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0));
        var pixels = picture.createIndexer();
        try (pixels) {
            org.bytedeco.javacpp.indexer.UByteIndexer idx = (org.bytedeco.javacpp.indexer.UByteIndexer) pixels;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int v = ((x / 2 + y / 2) % 2) * 255;
                    for (int c = 0; c < 3; c++) {
                        idx.put(y, x, c, v);
                    }
                }
            }
        }
        return picture;
    }

    private static double detail(Mat picture, Rect area) {
        try (Mat region = new Mat(picture, area); Mat mean = new Mat(); Mat std = new Mat()) {
            opencv_core.meanStdDev(region, mean, std);
            return std.createIndexer() instanceof org.bytedeco.javacpp.indexer.DoubleIndexer d ? d.get(0) : -1;
        }
    }

    @Test
    void insideEveryPersonTheDetailIsGoneAndOutsideEveryPixelIsAsItWas() {
        try (Mat picture = checkerboard(320, 240); Mat before = checkerboard(320, 240)) {
            PersonBox person = new PersonBox(100, 60, 48, 120, 0.9, 0);
            assertEquals(1, PeopleBlur.blur(picture, List.of(person)));
            double inside = detail(picture, new Rect(104, 66, 40, 108));
            assertTrue(detail(before, new Rect(104, 66, 40, 108)) > 120, "the pattern has detail to lose");
            assertTrue(inside < 15, "what was a sharp pattern is a few smooth patches: std " + inside);
            try (Mat difference = new Mat()) {
                opencv_core.absdiff(picture, before, difference);
                try (Mat left = new Mat(difference, new Rect(0, 0, 90, 240));
                     Mat below = new Mat(difference, new Rect(0, 200, 320, 40))) {
                    assertEquals(0, opencv_core.countNonZero(left.reshape(1, 0)), "left of the grown box: untouched");
                    assertEquals(0, opencv_core.countNonZero(below.reshape(1, 0)), "below it: untouched");
                }
            }
        }
    }

    @Test
    void aBoxAtTheEdgeIsClippedAndNobodyMeansNothingChanges() {
        try (Mat picture = checkerboard(64, 64)) {
            assertEquals(1, PeopleBlur.blur(picture, List.of(new PersonBox(50, 40, 30, 40, 0.8, 0))));
            assertEquals(0, PeopleBlur.blur(picture, List.of()));
        }
    }
}
