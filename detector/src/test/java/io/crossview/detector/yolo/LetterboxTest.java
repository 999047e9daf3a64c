package io.crossview.detector.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crossview.detector.yolo.Letterbox.Convention;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class LetterboxTest {
    @Test
    void yoloxPlacesThePictureTopLeftWithTruncatedSize() {
        // 768x576 into 640x640: r = 0.8333, 640x480 at (0, 0)
        Letterbox lb = Letterbox.fit(768, 576, 640, 640, Convention.YOLOX);
        assertEquals(new Letterbox(640 / 768.0, 640 / 768.0, 0, 0, 640, 480, 640, 640), lb);
        // 333x500 into 416x416: int(333 * 0.832) = 277
        assertEquals(277, Letterbox.fit(333, 500, 416, 416, Convention.YOLOX).resizedWidth());
    }

    @Test
    void ultralyticsCentresThePictureAndSplitsTheBorderAsItsLetterBoxDoes() {
        Letterbox lb = Letterbox.fit(768, 576, 640, 640, Convention.ULTRALYTICS);
        assertEquals(new Letterbox(640 / 768.0, 640 / 768.0, 0, 80, 640, 480, 640, 640), lb);
        // an odd border of 21 px: round(10.5 - 0.1) = 10 on top
        Letterbox odd = Letterbox.fit(640, 619, 640, 640, Convention.ULTRALYTICS);
        assertEquals(10, odd.padY());
        assertEquals(619, odd.resizedHeight());
    }

    @Test
    void aBoxInLetterboxedCoordinatesMapsBackToItsPictureBoxInBothConventions() {
        // a person at (100, 50)-(160, 250) in a 768x576 picture
        for (Convention c : Convention.values()) {
            Letterbox lb = Letterbox.fit(768, 576, 640, 640, c);
            double inX0 = 100 * lb.scale() + lb.padX();
            double inY0 = 50 * lb.scale() + lb.padY();
            double inX1 = 160 * lb.scale() + lb.padX();
            double inY1 = 250 * lb.scale() + lb.padY();
            assertEquals(100, lb.toPictureX(inX0), 1e-9, c.name());
            assertEquals(50, lb.toPictureY(inY0), 1e-9, c.name());
            assertEquals(160, lb.toPictureX(inX1), 1e-9, c.name());
            assertEquals(250, lb.toPictureY(inY1), 1e-9, c.name());
        }
        Letterbox centred = Letterbox.fit(768, 576, 640, 640, Convention.ULTRALYTICS);
        assertEquals(60, centred.toPictureY(130), 1e-9); // 130 - 80 px of border, / (640/768)
        Letterbox topLeft = Letterbox.fit(768, 576, 640, 640, Convention.YOLOX);
        assertEquals(156, topLeft.toPictureY(130), 1e-9);
    }

    @Test
    void writesPlanesInTheConventionsOrderAndRangeWithGreyAround() {
        try (Mat picture = YoloDetectorTest.solid(4, 2, 10, 20, 30)) {
            float[] yolox = new float[3 * 4 * 4];
            Letterbox.fit(4, 2, 4, 4, Convention.YOLOX).write(picture, Convention.YOLOX, yolox, 0);
            assertEquals(10f, yolox[0]);       // blue plane, row 0
            assertEquals(20f, yolox[16]);      // green plane
            assertEquals(30f, yolox[32 + 7]);  // red plane, row 1
            assertEquals(114f, yolox[8]);      // row 2: border
            float[] ultra = new float[1 + 3 * 4 * 4];
            Letterbox.fit(4, 2, 4, 4, Convention.ULTRALYTICS).write(picture, Convention.ULTRALYTICS, ultra, 1);
            assertEquals(114 / 255f, ultra[1]);        // row 0: border above the centred picture
            assertEquals(30 / 255f, ultra[1 + 4]);     // red plane first, row 1
            assertEquals(10 / 255f, ultra[1 + 32 + 8]); // blue plane last, row 2
            assertEquals(0f, ultra[0]);                // nothing before the offset
        }
    }
}
