package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.kafka.Batching;
import io.crossview.detector.yolo.YoloLayout;
import io.crossview.detector.yolo.YoloSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorConfigFileTest {
    @TempDir
    Path dir;

    private DetectorConfig load(String yaml) throws IOException {
        return DetectorConfigFile.load(Files.writeString(dir.resolve("detector.yaml"), yaml));
    }

    @Test
    void aFileWithoutAModelIsTheBuiltInNanodetAndModelHogIsHogWithItsCropSettings() throws Exception {
        assertTrue(load("crop_padding: 0.2\n").yolo().builtin());
        assertEquals(DetectorConfig.defaults().yolo().withInputSize(320, 320), load("model: nanodet\ninput_size: 320x320\n").yolo());
        DetectorConfig c = load("model: hog\ncrop_padding: 0.2\ncrop_jpeg_quality: 80\n");
        assertNull(c.yolo());
        assertEquals(0.2, c.cropPadding());
        assertEquals(80, c.cropJpegQuality());
        assertEquals(Batching.NONE, c.batching());
        assertEquals(DetectorConfig.defaults(), load(""));
        assertEquals(YoloSettings.Fit.LETTERBOX, load("fit: letterbox\n").yolo().fit());
    }

    @Test
    void readsEveryOnnxKeyAndTakesARelativeModelFromTheFilesFolder() throws Exception {
        DetectorConfig c = load("""
                model: models/yolox_s.onnx
                layout: yolox
                input_size: 640x384
                score: 0.4
                nms_iou: 0.5
                classes: [0, 2]
                min_box: 12
                batch: 4
                batch_wait_ms: 20
                intra_op_threads: 2
                cuda: false
                """);
        assertEquals(new YoloSettings(dir.toAbsolutePath().resolve("models/yolox_s.onnx"), YoloLayout.YOLOX, YoloSettings.Fit.AUTO, 640, 384,
                0.4, 0.5, List.of(0, 2), 12, 4, 20, 2, false, DetectorConfig.TRACK_SCORE), c.yolo());
        assertEquals(new Batching(4, 20), c.batching());
        assertEquals(YoloSettings.defaults(dir.toAbsolutePath().resolve("m.onnx")).withTrackScore(DetectorConfig.TRACK_SCORE),
                load("model: m.onnx\n").yolo());
        assertEquals(0.3, load("model: m.onnx\ntrack_score: 0.3\n").yolo().lowestScore(), "weak boxes off");
        assertEquals(0.2, load("model: m.onnx\ntrack_score: 0.2\n").yolo().lowestScore());
    }

    @Test
    void mistakesGiveOneLineNamingTheFile() throws Exception {
        IOException e = assertThrows(IOException.class, () -> load("scor: 0.3\n"));
        assertTrue(e.getMessage().startsWith(dir.resolve("detector.yaml") + ": unknown key 'scor' (known: ["),
                e.getMessage());
        e = assertThrows(IOException.class, () -> load("model: m.onnx\nlayout: ssd\n"));
        assertTrue(e.getMessage().endsWith(": unknown detector layout 'ssd' (expected auto, yolox, yolov5, yolov8 or nanodet)"),
                e.getMessage());
        e = assertThrows(IOException.class, () -> load("model: m.onnx\nscore: 3\n"));
        assertTrue(e.getMessage().contains("score threshold must be in [0, 1], got 3.0"), e.getMessage());
        e = assertThrows(IOException.class, () -> load("model: m.onnx\ninput_size: big\n"));
        assertTrue(e.getMessage().contains("WIDTHxHEIGHT"), e.getMessage());
        e = assertThrows(IOException.class, () -> load("score: 0.3: 0.4\n"));
        assertTrue(e.getMessage().contains("is not valid YAML"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> DetectorConfigFile.load(dir.resolve("none.yaml")));
    }
}
