package io.crossview.detector.yolo;

import static io.crossview.detector.yolo.YoloDetectorTest.assertBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.PersonBox;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NanoDet head recognised from its six output shapes, its preprocessing and its GFL decoding. */
class NanodetDetectorTest {
    @TempDir
    Path dir;

    private YoloDetector open(byte[] model, YoloSettings.Fit fit) throws Exception {
        Path file = YoloTestModels.write(dir, "nanodet-test.onnx", model);
        return YoloDetector.open(YoloSettings.defaults(file).withFit(fit).withThresholds(0.3, 0.45)
                .withRuntime(1, false));
    }

    /** The probed score: half the first input plane at (0, 0), NanoDet's blue normalised by its mean and std. */
    private static double probedScore(int blue) {
        return 0.5 * (blue - 103.53) / 57.375;
    }

    @Test
    void recognisesTheHeadFromItsOutputShapesInAnyOrderAndDecodesTheSoftmaxExpectation() throws Exception {
        for (boolean scoresFirst : new boolean[] {true, false}) {
            try (YoloDetector detector = open(NanodetTestModels.model("N", scoresFirst), YoloSettings.Fit.AUTO);
                 Mat picture = YoloDetectorTest.solid(64, 64, 200, 20, 30)) {
                assertEquals(YoloLayout.NANODET, detector.layout());
                List<PersonBox> boxes = detector.detect(picture);
                assertEquals(1, boxes.size(), boxes.toString());
                // corners 18..34 x 12..33, see NanodetTestModels.SIDES
                assertBox(boxes.get(0), 18, 12, 16, 21, probedScore(200));
            }
        }
    }

    @Test
    void stretchesByDefaultAndLetterboxesWhenAsked() throws Exception {
        try (Mat wide = YoloDetectorTest.solid(128, 64, 200, 20, 30)) {
            try (YoloDetector stretched = open(NanodetTestModels.model(1, true), YoloSettings.Fit.AUTO)) {
                assertEquals(YoloSettings.Fit.STRETCH, stretched.fit());
                // x doubles back to the picture, y stays
                assertBox(stretched.detect(wide).get(0), 36, 12, 32, 21, probedScore(200));
            }
            try (YoloDetector letterboxed = open(NanodetTestModels.model(1, true), YoloSettings.Fit.LETTERBOX)) {
                // the picture fills 64x32 at y 16..48: input (0, 0) is border grey, scoring below the threshold
                assertTrue(letterboxed.detect(wide).isEmpty());
            }
        }
    }

    @Test
    void darkPicturesScoreBelowTheThreshold() throws Exception {
        try (YoloDetector detector = open(NanodetTestModels.model(1, true), YoloSettings.Fit.AUTO);
             Mat dark = YoloDetectorTest.solid(64, 64, 120, 20, 30)) {
            assertTrue(probedScore(120) < 0.3);
            assertTrue(detector.detect(dark).isEmpty());
        }
    }

    @Test
    void aBatchGivesTheSameBoxesAsOneByOne() throws Exception {
        Path file = YoloTestModels.write(dir, "nanodet-batch.onnx", NanodetTestModels.model("N", true));
        YoloSettings settings = YoloSettings.defaults(file).withBatching(3, 5).withRuntime(1, false);
        try (YoloDetector detector = YoloDetector.open(settings);
             Mat bright = YoloDetectorTest.solid(64, 64, 220, 0, 0);
             Mat dark = YoloDetectorTest.solid(64, 64, 10, 0, 0)) {
            List<List<PersonBox>> batch = detector.detectAll(List.of(bright, dark, bright));
            assertEquals(List.of(detector.detect(bright), detector.detect(dark), detector.detect(bright)), batch);
            assertEquals(1, batch.get(0).size());
        }
    }

    @Test
    void aDeclaredNanodetLayoutOnAYoloOutputIsRefusedWithTheShapesItExpects() throws Exception {
        Path file = YoloTestModels.write(dir, "yolox.onnx", YoloTestModels.yolox(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YoloDetector.open(
                YoloSettings.defaults(file).withLayout(YoloLayout.NANODET).withRuntime(1, false)));
        assertTrue(e.getMessage().contains("six outputs"), e.getMessage());
        assertTrue(e.getMessage().contains("[N, 64, C]"), e.getMessage());
    }
}
