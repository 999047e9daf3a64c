package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.crop.CropExtractor.Region;
import io.crossview.detector.hog.HogSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DetectorConfigTest {
    @Test
    void theDefaultIsTheBuiltInNanodetWithHogBehindIt() {
        DetectorConfig d = DetectorConfig.defaults();
        assertTrue(d.yolo().builtin());
        assertEquals(io.crossview.detector.yolo.YoloLayout.NANODET, d.yolo().layout());
        assertEquals(DetectorConfig.opencvHog(), d.withYolo(null));
        assertEquals("opencv-hog", d.modelId());
        assertEquals(HogSettings.defaults(), d.hog());
        assertEquals(0.1, d.cropPadding());
        assertEquals(90, d.cropJpegQuality());
        // The crop extractor it builds pads by 10%.
        assertEquals(new Region(96, 192, 48, 96),
                d.cropExtractor().region(new PersonBox(100, 200, 40, 80, 1), 384, 576));
    }

    @Test
    void rejectsBadValuesWithAMessageNamingTheField() {
        HogSettings hog = HogSettings.defaults();
        assertRejected("modelId", () -> new DetectorConfig(" ", hog, 0.1, 90));
        assertRejected("modelId", () -> new DetectorConfig(null, hog, 0.1, 90));
        assertRejected("hog", () -> new DetectorConfig("m", null, 0.1, 90));
        assertRejected("cropPadding", () -> new DetectorConfig("m", hog, -0.5, 90));
        assertRejected("cropJpegQuality", () -> new DetectorConfig("m", hog, 0.1, 0));
    }

    private static void assertRejected(String field, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
