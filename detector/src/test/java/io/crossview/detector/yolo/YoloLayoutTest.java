package io.crossview.detector.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YoloLayoutTest {
    @Test
    void recognisesTheStandardExportsAt640() {
        assertEquals(8400, YoloLayout.gridCells(640, 640, 8, 16, 32));
        assertEquals(YoloLayout.YOLOX, YoloLayout.AUTO.resolve(new long[] {1, 8400, 85}, 640, 640));
        assertEquals(YoloLayout.YOLOV5, YoloLayout.AUTO.resolve(new long[] {1, 25200, 85}, 640, 640));
        assertEquals(YoloLayout.YOLOV8, YoloLayout.AUTO.resolve(new long[] {1, 84, 8400}, 640, 640));
        // a one-class person model and a P6 model (strides up to 64)
        assertEquals(YoloLayout.YOLOV8, YoloLayout.AUTO.resolve(new long[] {1, 5, 8400}, 640, 640));
        assertEquals(YoloLayout.YOLOV8, YoloLayout.AUTO.resolve(new long[] {1, 84, 8500}, 640, 640));
        assertEquals(YoloLayout.YOLOV5, YoloLayout.AUTO.resolve(new long[] {4, 25500, 6}, 640, 640));
    }

    @Test
    void tellsYoloxFromYolov5ByTheAnchorCountOfTheInputSize() {
        // YOLOX-tiny/nano at 416: 3549 cells; YOLOv5 at 416 has three times as many
        assertEquals(YoloLayout.YOLOX, YoloLayout.AUTO.resolve(new long[] {1, 3549, 85}, 416, 416));
        assertEquals(YoloLayout.YOLOV5, YoloLayout.AUTO.resolve(new long[] {1, 3 * 3549, 85}, 416, 416));
        // non-square inputs count each level's rows and columns
        assertEquals(80 * 48 + 40 * 24 + 20 * 12, YoloLayout.gridCells(640, 384, 8, 16, 32));
        assertEquals(YoloLayout.YOLOX, YoloLayout.AUTO.resolve(new long[] {1, 5040, 6}, 640, 384));
    }

    @Test
    void aShapeThatFitsNoRuleOrTheWrongInputSizeAsksForADeclaredLayout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YoloLayout.AUTO.resolve(new long[] {1, 8400, 85}, 320, 320));
        assertTrue(e.getMessage().contains("is the input size right?") && e.getMessage().contains("layout: yolox"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> YoloLayout.AUTO.resolve(new long[] {1, 8400}, 640, 640));
        assertThrows(IllegalArgumentException.class, () -> YoloLayout.AUTO.resolve(new long[] {1, 0, 85}, 640, 640));
    }

    @Test
    void aDeclaredLayoutIsCheckedAgainstTheShape() {
        assertEquals(YoloLayout.YOLOV5, YoloLayout.YOLOV5.resolve(new long[] {1, 1000, 7}, 640, 640));
        assertEquals(YoloLayout.YOLOV8, YoloLayout.YOLOV8.resolve(new long[] {1, 6, 1000}, 640, 640));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YoloLayout.YOLOX.resolve(new long[] {1, 25200, 85}, 640, 640));
        assertTrue(e.getMessage().contains("YOLOX [N, 8400, 5+C]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> YoloLayout.YOLOV8.resolve(new long[] {1, 4, 8400}, 640, 640));
        assertThrows(IllegalArgumentException.class, () -> YoloLayout.YOLOV5.resolve(new long[] {1, 8400, 5}, 640, 640));
    }

    @Test
    void parsesConfigNamesAndRejectsOthers() {
        assertEquals(YoloLayout.YOLOV8, YoloLayout.parse("YOLO11"));
        assertEquals(YoloLayout.YOLOX, YoloLayout.parse(" yolox "));
        assertEquals(YoloLayout.AUTO, YoloLayout.parse("auto"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YoloLayout.parse("ssd"));
        assertTrue(e.getMessage().contains("'ssd'"), e.getMessage());
    }

    @Test
    void eachLayoutHasItsFamilysPictureConvention() {
        assertEquals(Letterbox.Convention.YOLOX, YoloLayout.YOLOX.convention());
        assertEquals(Letterbox.Convention.ULTRALYTICS, YoloLayout.YOLOV5.convention());
        assertEquals(Letterbox.Convention.ULTRALYTICS, YoloLayout.YOLOV8.convention());
        assertThrows(IllegalStateException.class, YoloLayout.AUTO::convention);
    }
}
