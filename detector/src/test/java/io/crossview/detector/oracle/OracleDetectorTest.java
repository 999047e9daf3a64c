package io.crossview.detector.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.Box;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameRef;
import io.crossview.detector.PersonBox;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class OracleDetectorTest {
    private static Frame frame(long seq, Box... truth) {
        return Frame.newBuilder().setRef(FrameRef.newBuilder().setCamera("cam1").setSeq(seq).setWidth(640).setHeight(480))
                .addAllGroundTruth(List.of(truth)).build();
    }

    private static Box box(float x, float y, float w, float h) {
        return Box.newBuilder().setX(x).setY(y).setW(w).setH(h).build();
    }

    @Test
    void withoutNoiseItReportsTheTruthClippedToThePicture() {
        try (Mat picture = new Mat(480, 640, opencv_core.CV_8UC3); var oracle = new OracleDetector(new OracleSettings(0, 0, 1))) {
            List<PersonBox> boxes = oracle.detect(picture, frame(3, box(10, 20, 40, 100), box(620, 400, 40, 100)));
            assertEquals(List.of(new PersonBox(10, 20, 40, 100, 1.0), new PersonBox(620, 400, 20, 80, 1.0)), boxes);
        }
    }

    @Test
    void noiseAndMissesRepeatForTheSameFrameAndDifferAcrossFrames() {
        Box[] truth = new Box[200];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = box(100, 100, 50, 120);
        }
        try (Mat picture = new Mat(480, 640, opencv_core.CV_8UC3); var oracle = new OracleDetector(new OracleSettings(0.1, 0.3, 7))) {
            List<PersonBox> first = oracle.detect(picture, frame(5, truth));
            assertEquals(first, oracle.detect(picture, frame(5, truth)));
            assertNotEquals(first, oracle.detect(picture, frame(6, truth)));
            assertTrue(first.size() > 110 && first.size() < 170, "about 70% kept: " + first.size());
            assertTrue(first.stream().anyMatch(b -> b.x() != 100), "jittered");
        }
    }

    @Test
    void itRefusesToRunWithoutAFrameAndLabelsItsResults() {
        try (Mat picture = new Mat(10, 10, opencv_core.CV_8UC3); var oracle = new OracleDetector(OracleSettings.defaults())) {
            assertThrows(UnsupportedOperationException.class, () -> oracle.detect(picture));
        }
        assertEquals("oracle(jitter=0.05,miss=0.05)", OracleSettings.defaults().modelId());
        assertThrows(IllegalArgumentException.class, () -> new OracleSettings(0.1, 1.0, 1));
    }
}
