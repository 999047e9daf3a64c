package io.crossview.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class JpegTest {
    @Test
    void aPictureSurvivesEncodingWithinJpegLoss() {
        try (Mat picture = new Mat(48, 64, opencv_core.CV_8UC3, new Scalar(30, 120, 200, 0))) {
            byte[] jpeg = Jpeg.encode(picture, 95);
            assertTrue(jpeg.length > 100 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8);
            try (Mat back = Jpeg.decode(jpeg)) {
                assertEquals(64, back.cols());
                assertEquals(48, back.rows());
                var pixel = back.ptr(10, 10);
                assertEquals(30, pixel.get(0) & 0xff, 3);
                assertEquals(120, pixel.get(1) & 0xff, 3);
                assertEquals(200, pixel.get(2) & 0xff, 3);
            }
        }
    }

    @Test
    void bytesThatAreNotAPictureAreRejected() {
        assertThrows(BadImageException.class, () -> Jpeg.decode(new byte[] {1, 2, 3, 4}));
        assertThrows(BadImageException.class, () -> Jpeg.decode(new byte[0]));
    }

    @Test
    void qualityOutsideOneToHundredIsRefused() {
        try (Mat picture = new Mat(8, 8, opencv_core.CV_8UC3)) {
            assertThrows(IllegalArgumentException.class, () -> Jpeg.encode(picture, 0));
        }
    }
}
