package io.crossview.deploy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.oracle.OracleSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DetectionModeTest {
    private static final OracleSettings ORACLE = OracleSettings.defaults();

    @Test
    void theCommandLineNamesTheBuiltInNanodetHogTheOracleOrAnOnnxFile() {
        assertTrue(DetectionMode.parse("nanodet", ORACLE).detector().yolo().builtin());
        assertTrue(DetectionMode.parse(null, ORACLE).detector().yolo().builtin());
        DetectionMode hog = DetectionMode.parse("hog", ORACLE);
        assertNull(hog.detector().yolo());
        assertEquals("opencv-hog", hog.label());
        assertTrue(DetectionMode.parse("oracle", ORACLE).isOracle());
        assertEquals(Path.of("models/yolox_s.onnx"),
                DetectionMode.parse("models/yolox_s.onnx", ORACLE).detector().yolo().model());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DetectionMode.parse("ssd", ORACLE));
        assertEquals("--detector must be " + DetectionMode.CHOICES + ", got 'ssd'", e.getMessage());
    }

    @Test
    void detectingEveryNthFrameIsForRealDetectorsOnly() {
        assertEquals(3, DetectionMode.nanodet().detectingEvery(3).detector().detectEvery());
        assertEquals(1, DetectionMode.hog().detector().detectEvery());
        assertTrue(DetectionMode.oracle(ORACLE).detectingEvery(1).isOracle());
        assertThrows(IllegalArgumentException.class, () -> DetectionMode.oracle(ORACLE).detectingEvery(2));
    }
}
