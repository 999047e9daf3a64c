package io.crossview.detector.yolo;

import static io.crossview.detector.yolo.YoloDetectorTest.assertBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.PersonBox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filtering and suppression on YOLOv5-layout rows (cx, cy, w, h, obj, person, car), no letterbox. */
class YoloDecoderTest {
    private static final Letterbox IDENTITY = new Letterbox(1, 1, 0, 0, 100, 100, 100, 100);
    private static final YoloSettings DEFAULTS = YoloSettings.defaults(Path.of("m.onnx"));

    private static List<PersonBox> decode(YoloSettings settings, float[]... rows) {
        float[] flat = new float[rows.length * 7];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * 7, 7);
        }
        YoloDecoder decoder = new YoloDecoder(YoloLayout.YOLOV5, rows.length, 2, 100, 100, settings);
        return decoder.decode(flat, 0, IDENTITY, 100, 100);
    }

    @Test
    void dropsBoxesBelowTheScoreThresholdOfObjectnessTimesClassScore() {
        List<PersonBox> boxes = decode(DEFAULTS,
                new float[] {20, 20, 10, 20, 0.5f, 0.7f, 0}, // 0.35: kept
                new float[] {60, 60, 10, 20, 0.5f, 0.5f, 0}, // 0.25: dropped
                new float[] {80, 30, 10, 20, 0.2f, 1f, 0});  // objectness alone below 0.3
        assertEquals(1, boxes.size(), boxes.toString());
        assertBox(boxes.get(0), 15, 10, 10, 20, 0.35);
        assertEquals(3, decode(DEFAULTS.withThresholds(0.1, 0.45),
                new float[] {20, 20, 10, 20, 0.5f, 0.7f, 0},
                new float[] {60, 60, 10, 20, 0.5f, 0.5f, 0},
                new float[] {80, 30, 10, 20, 0.2f, 1f, 0}).size());
    }

    @Test
    void keepsOnlyThePersonClassByDefault() {
        float[] car = {50, 50, 20, 10, 0.9f, 0.1f, 0.95f};
        assertTrue(decode(DEFAULTS, car).isEmpty());
        List<PersonBox> both = decode(DEFAULTS.withClasses(List.of(0, 1), 8), car);
        assertEquals(1, both.get(0).classId());
    }

    @Test
    void dropsBoxesSmallerThanTheMinimumAfterClipping() {
        float[] small = {50, 50, 6, 30, 0.9f, 0.9f, 0};
        float[] cutByTheEdge = {98, 50, 20, 30, 0.9f, 0.9f, 0}; // 12 px wide inside the picture
        assertEquals(1, decode(DEFAULTS, small, cutByTheEdge).size());
        assertBox(decode(DEFAULTS, cutByTheEdge).get(0), 88, 35, 12, 30, 0.81);
        assertEquals(0, decode(DEFAULTS.withClasses(List.of(0), 13), small, cutByTheEdge).size());
    }

    @Test
    void suppressesOverlapsWithinAClassButNotAcrossClasses() {
        float[] best = {50, 50, 20, 40, 0.9f, 0.9f, 0};
        float[] shifted = {52, 50, 20, 40, 0.9f, 0.8f, 0};     // IoU 0.82 with best
        float[] apart = {20, 50, 20, 40, 0.9f, 0.7f, 0};       // disjoint
        float[] carOnTop = {50, 50, 20, 40, 0.9f, 0.1f, 0.85f}; // same place, another class
        List<PersonBox> people = decode(DEFAULTS, shifted, apart, best);
        assertEquals(2, people.size(), people.toString());
        assertBox(people.get(0), 40, 30, 20, 40, 0.81);
        assertBox(people.get(1), 10, 30, 20, 40, 0.63);
        assertEquals(3, decode(DEFAULTS.withThresholds(0.3, 0.9), shifted, apart, best).size());
        List<PersonBox> mixed = decode(DEFAULTS.withClasses(List.of(0, 1), 8), best, carOnTop);
        assertEquals(2, mixed.size(), mixed.toString());
    }
}
