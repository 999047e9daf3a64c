package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CameraViewTest {
    /** A 200 x 100 scene: black left half, white right half. */
    private static Picture halves() {
        Picture p = Picture.blank(200, 100);
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) {
                for (int c = 0; c < 3; c++) {
                    p.bgr()[(y * 200 + x) * 3 + c] = (byte) 255;
                }
            }
        }
        return p;
    }

    @Test
    void aRandomViewCropsSixtyToEightyFivePercentOfTheSceneInTheOutputsAspect() {
        for (long seed = 0; seed < 50; seed++) {
            CameraView v = CameraView.random(new SplittableRandom(seed), 1, false, 768, 576, 640, 480);
            Box crop = v.crop();
            assertTrue(crop.x() >= 0 && crop.y() >= 0 && crop.right() <= 768 && crop.bottom() <= 576, crop.toString());
            double share = crop.w() / 768.0;
            assertTrue(share >= CameraView.MIN_CROP - 0.01 && share <= CameraView.MAX_CROP + 0.01, crop.toString());
            assertEquals(640 / 480.0, crop.w() / (double) crop.h(), 0.01);
            assertEquals("cam2", v.name());
        }
    }

    @Test
    void aMirroredViewSwapsLeftAndRightAndAPlainOneDoesNot() {
        Box crop = new Box(50, 0, 100, 100);
        CameraView plain = new CameraView("cam1", crop, false, 200, 200, ColourCast.NEUTRAL);
        CameraView mirrored = new CameraView("cam2", crop, true, 200, 200, ColourCast.NEUTRAL);
        assertEquals(0, plain.viewX(50));
        assertEquals(200, plain.viewX(150));
        assertEquals(200, mirrored.viewX(50));
        assertEquals(0, mirrored.viewX(150));
        assertEquals(100, plain.viewY(50));

        Picture seenPlain = plain.background(halves());
        Picture seenMirrored = mirrored.background(halves());
        assertEquals(0, seenPlain.at(10, 50, 1));
        assertEquals(255, seenPlain.at(190, 50, 1));
        assertEquals(255, seenMirrored.at(10, 50, 1));
        assertEquals(0, seenMirrored.at(190, 50, 1));
    }

    @Test
    void theBackgroundIsSeenThroughTheCamerasColourCast() {
        CameraView dim = new CameraView("cam1", new Box(0, 0, 200, 100), false, 200, 100,
                new ColourCast(0.5, 1, 1, 1, 1, 0));
        Picture seen = dim.background(halves());
        assertEquals(128, seen.at(150, 50, 0));
        assertEquals(0, seen.at(50, 50, 0));
    }
}
