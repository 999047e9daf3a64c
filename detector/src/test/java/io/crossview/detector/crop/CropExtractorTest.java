package io.crossview.detector.crop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.image.Jpeg;
import io.crossview.detector.PersonBox;
import io.crossview.detector.crop.CropExtractor.Region;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class CropExtractorTest {
    private static final int W = 384;
    private static final int H = 576;
    private final CropExtractor tenPercent = new CropExtractor(0.1, 90);

    @Test
    void padsByAFractionOfTheBoxOnEverySide() {
        // 10% of 40 = 4 px left and right, 10% of 80 = 8 px above and below.
        assertEquals(new Region(96, 192, 48, 96), tenPercent.region(box(100, 200, 40, 80), W, H));
    }

    @Test
    void roundsThePaddingToWholePixels() {
        // 25% of 10 = 2.5 -> 3 px; 25% of 21 = 5.25 -> 5 px.
        assertEquals(new Region(7, 5, 16, 31), new CropExtractor(0.25, 90).region(box(10, 10, 10, 21), W, H));
    }

    @Test
    void clipsAtTheTopLeftCorner() {
        // Padding 3 x 6 would start at (-1, -1); the far side is 2 + 30 + 3 = 35, 5 + 60 + 6 = 71.
        assertEquals(new Region(0, 0, 35, 71), tenPercent.region(box(2, 5, 30, 60), W, H));
    }

    @Test
    void clipsAtTheBottomRightCorner() {
        // Padding 2 x 5 (2.4 and 4.6 rounded): 358..386 -> 358..384, 525..581 -> 525..576.
        assertEquals(new Region(358, 525, 26, 51), tenPercent.region(box(360, 530, 24, 46), W, H));
    }

    @Test
    void noPaddingKeepsTheBox() {
        assertEquals(new Region(100, 200, 40, 80), new CropExtractor(0, 90).region(box(100, 200, 40, 80), W, H));
    }

    @Test
    void encodesExactlyThePaddedRegion() {
        try (Mat picture = new Mat(H, W, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0));
             Rect padded = new Rect(96, 192, 48, 96)) {
            // Paint the padded region red: the crop must be all red and nothing of the black around.
            opencv_imgproc.rectangle(picture, padded, new Scalar(0, 0, 255, 0), opencv_imgproc.FILLED,
                    opencv_imgproc.LINE_8, 0);
            CropExtractor.Crop crop = tenPercent.extract(picture, box(100, 200, 40, 80));
            assertEquals(new Region(96, 192, 48, 96), crop.region());
            try (Mat decoded = Jpeg.decode(crop.jpeg())) {
                assertEquals(48, decoded.cols());
                assertEquals(96, decoded.rows());
                Scalar mean = opencv_core.mean(decoded);
                assertTrue(mean.get(2) > 245 && mean.get(0) < 10 && mean.get(1) < 10,
                        "crop is not the red region: B=" + mean.get(0) + " G=" + mean.get(1) + " R=" + mean.get(2));
            }
        }
    }

    @Test
    void refusesABoxOutsideThePicture() {
        try (Mat picture = new Mat(H, W, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
            assertTrue(tenPercent.region(box(400, 10, 20, 40), W, H).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> tenPercent.extract(picture, box(400, 10, 20, 40)));
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new CropExtractor(-0.1, 90));
        assertThrows(IllegalArgumentException.class, () -> new CropExtractor(Double.NaN, 90));
        assertThrows(IllegalArgumentException.class, () -> new CropExtractor(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CropExtractor(0.1, 101));
    }

    private static PersonBox box(int x, int y, int w, int h) {
        return new PersonBox(x, y, w, h, 1.0);
    }
}
