package io.crossview.detector.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.PersonBox;
import io.crossview.detector.yolo.YoloTestModels.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project-built models of each layout run by ONNX Runtime, against boxes computed by hand. */
class YoloDetectorTest {
    private static final double EPS = 1e-5;

    @TempDir
    Path dir;

    static byte[] yolox(Object batch) {
        return YoloTestModels.yolox(batch);
    }

    @Test
    void decodesTheYoloxGridInBgrWithTheTopLeftLetterbox() throws Exception {
        // 128x64 picture: scale 0.5, placed at (0, 0) in the 64x64 input; blue 200 -> objectness 200/255
        try (YoloDetector detector = open("yolox.onnx", yolox(1), YoloLayout.AUTO);
             Mat picture = solid(128, 64, 200, 100, 50)) {
            assertEquals(YoloLayout.YOLOX, detector.layout());
            List<PersonBox> boxes = detector.detect(picture);
            assertEquals(2, boxes.size(), boxes.toString());
            // cell (3, 2) at stride 8: centre (28, 20), size 32x16 -> input (12, 12)-(44, 28) -> picture x2
            assertBox(boxes.get(0), 24, 24, 64, 32, 200 / 255.0 * 0.9);
            // cell (1, 1) at stride 16: centre (16, 16), size 32x64 -> (0, -16)-(32, 48) -> clipped (0, 0)-(64, 64)
            assertBox(boxes.get(1), 0, 0, 64, 64, 0.8 * 0.5);
            assertEquals(0, boxes.get(0).classId());
        }
    }

    @Test
    void keepsOtherClassesOnlyWhenAskedAndTakesEachBoxsBestKeptClass() throws Exception {
        Path file = YoloTestModels.write(dir, "yolox.onnx", yolox(1));
        YoloSettings both = YoloSettings.defaults(file).withClasses(List.of(0, 1), 8);
        try (YoloDetector detector = YoloDetector.open(both); Mat picture = solid(128, 64, 200, 100, 50)) {
            List<PersonBox> boxes = detector.detect(picture);
            assertBox(boxes.get(0), 0, 0, 64, 64, 0.8 * 0.95);
            assertEquals(1, boxes.get(0).classId());
            assertEquals(0, boxes.get(1).classId());
            assertEquals("class1", detector.label(1));
        }
        YoloSettings bicycles = YoloSettings.defaults(file).withClasses(List.of(7), 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YoloDetector.open(bicycles));
        assertTrue(e.getMessage().contains("class 7 is not among the model's 2 classes"), e.getMessage());
    }

    @Test
    void decodesYolov5BoxesInRgbScaledToOneWithACentredLetterbox() throws Exception {
        // 64x64 input, three anchors per cell: 252. Objectness is the input's first plane at the centre.
        float[][] table = YoloTestModels.empty(252, 8);
        table[100] = new float[] {32, 32, 16, 32, 0, 0.9f, 0.2f, 0.3f};
        byte[] model = YoloTestModels.model(YoloLayout.YOLOV5, 1, 64, 64, table, new Probe(0, 32, 32, 100, 4, 1),
                Map.of());
        // 64x128 picture: scale 0.5 -> 32x64, centred at x = 16; red 230 -> 230/255
        try (YoloDetector detector = open("v5.onnx", model, YoloLayout.AUTO); Mat picture = solid(64, 128, 10, 20, 230)) {
            assertEquals(YoloLayout.YOLOV5, detector.layout());
            List<PersonBox> boxes = detector.detect(picture);
            assertEquals(1, boxes.size(), boxes.toString());
            // input (24, 16)-(40, 48) -> picture ((24-16)*2, 32)-((40-16)*2, 96)
            assertBox(boxes.get(0), 16, 32, 32, 64, 230 / 255.0 * 0.9);
        }
    }

    @Test
    void decodesTheTransposedYolov8OutputWithoutObjectness() throws Exception {
        float[][] table = YoloTestModels.empty(84, 5);
        table[5] = new float[] {32, 32, 20, 40, 0};
        table[40] = new float[] {10, 10, 6, 6, 0.9f};
        byte[] model = YoloTestModels.model(YoloLayout.YOLOV8, 1, 64, 64, table, new Probe(0, 32, 32, 5, 4, 1),
                Map.of("names", "{0: 'person'}", "imgsz", "[64, 64]"));
        // 128x96 picture: scale 0.5 -> 64x48, centred at y = 8; red 204 -> 0.8
        try (YoloDetector detector = open("v8.onnx", model, YoloLayout.AUTO); Mat picture = solid(128, 96, 0, 0, 204)) {
            assertEquals(YoloLayout.YOLOV8, detector.layout());
            assertEquals("person", detector.label(0));
            List<PersonBox> boxes = detector.detect(picture);
            assertEquals(2, boxes.size(), boxes.toString());
            assertBox(boxes.get(0), 14, 0, 12, 10, 0.9); // input (7, 7)-(13, 13) -> (14, -2)-(26, 10), clipped
            assertBox(boxes.get(1), 44, 8, 40, 80, 0.8); // input (22, 12)-(42, 52) -> (44, 8)-(84, 88)
        }
    }

    @Test
    void aBatchGivesTheSameBoxesAsOneByOneForAnyAndForFixedBatchSizes() throws Exception {
        // three pictures: a fixed batch of two runs one full batch and one filled up with grey
        List<Mat> pictures = List.of(solid(128, 64, 200, 100, 50), solid(64, 64, 90, 0, 0), solid(640, 400, 255, 0, 0));
        try {
            for (Object batch : List.of("N", 2)) {
                Path file = YoloTestModels.write(dir, "batch-" + batch + ".onnx", yolox(batch));
                try (YoloDetector detector = YoloDetector.open(YoloSettings.defaults(file).withBatching(8, 0))) {
                    assertEquals(batch instanceof Integer n ? n.intValue() : 8, detector.maxBatch());
                    List<List<PersonBox>> one = new ArrayList<>();
                    for (Mat p : pictures) {
                        one.add(detector.detect(p));
                    }
                    List<List<PersonBox>> all = detector.detectAll(pictures);
                    assertEquals(one, all, "batch " + batch);
                    // the pictures differ, so a batch that mixed them up would not match
                    assertEquals(90 / 255.0 * 0.9, all.get(1).get(1).score(), EPS, all.toString());
                    assertBox(all.get(2).get(0), 120, 120, 320, 160, 0.9);
                }
            }
        } finally {
            pictures.forEach(Mat::close);
        }
    }

    @Test
    void anAutomaticBatchSizeIsOneOnCpuAndAFixedBatchDimensionWins() throws Exception {
        try (YoloDetector any = open("any.onnx", yolox("N"), YoloLayout.AUTO);
             YoloDetector fixed = open("fixed.onnx", yolox(4), YoloLayout.AUTO)) {
            assertEquals("cpu", any.device());
            assertEquals(1, any.maxBatch());
            assertEquals(4, fixed.maxBatch());
        }
    }

    @Test
    void aModelWithAnOutputNoLayoutFitsIsRejectedWithAClearMessage() throws Exception {
        Path odd = YoloTestModels.write(dir, "odd.onnx", YoloTestModels.withOutput(64, 64, 1, 10, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YoloDetector.open(YoloSettings.defaults(odd)));
        assertTrue(e.getMessage().startsWith("detector model " + odd + " is not a usable YOLO or NanoDet model: cannot tell "
                + "the layout of output [1, 10, 10]"), e.getMessage());

        Path flat = YoloTestModels.write(dir, "flat.onnx", YoloTestModels.withOutput(64, 64, 1, 84));
        e = assertThrows(IllegalArgumentException.class, () -> YoloDetector.open(YoloSettings.defaults(flat)));
        assertTrue(e.getMessage().contains("no float output of rank 3"), e.getMessage());

        Path v8 = YoloTestModels.write(dir, "v8.onnx", YoloTestModels.withOutput(64, 64, 1, 5, 84));
        e = assertThrows(IllegalArgumentException.class,
                () -> YoloDetector.open(YoloSettings.defaults(v8).withLayout(YoloLayout.YOLOX)));
        assertTrue(e.getMessage().contains("YOLOX output [1, 5, 84] does not fit"), e.getMessage());
    }

    @Test
    void missingEmptyOrGarbageFilesGiveOneReadableLine() throws Exception {
        assertThrows(NoSuchFileException.class, () -> YoloDetector.open(YoloSettings.defaults(dir.resolve("no.onnx"))));
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        IOException io = assertThrows(IOException.class, () -> YoloDetector.open(YoloSettings.defaults(empty)));
        assertTrue(io.getMessage().contains("empty"), io.getMessage());
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "not a model");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YoloDetector.open(YoloSettings.defaults(garbage)));
        assertTrue(e.getMessage().startsWith("detector model " + garbage + " is not a usable YOLO or NanoDet model"), e.getMessage());
    }

    @Test
    void aConfiguredInputSizeMustAgreeWithTheModelsStaticOne() throws Exception {
        Path file = YoloTestModels.write(dir, "yolox.onnx", yolox(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YoloDetector.open(YoloSettings.defaults(file).withInputSize(640, 640)));
        assertTrue(e.getMessage().contains("the model's input is 64x64 but the config asks for 640x640"), e.getMessage());
    }

    private YoloDetector open(String name, byte[] model, YoloLayout layout) throws IOException {
        return YoloDetector.open(YoloSettings.defaults(YoloTestModels.write(dir, name, model)).withLayout(layout));
    }

    static Mat solid(int width, int height, int blue, int green, int red) {
        return new Mat(height, width, opencv_core.CV_8UC3, new Scalar(blue, green, red, 0));
    }

    static void assertBox(PersonBox box, int x, int y, int w, int h, double score) {
        assertEquals(List.of(x, y, w, h), List.of(box.x(), box.y(), box.width(), box.height()), box.toString());
        assertEquals(score, box.score(), EPS, box.toString());
    }
}
