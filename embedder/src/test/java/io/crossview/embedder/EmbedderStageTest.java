package io.crossview.embedder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.BatchHandler;
import io.crossview.common.onnx.OnnxGraph;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Detection;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.ModelCalibration;
import io.crossview.common.wire.Vector;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.registry.ModelSlot;
import io.crossview.embedder.runtime.CalibrationMetadata;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.embedder.testing.Pictures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbedderStageTest {
    private static final Topics TOPICS = new Topics("t1.");
    private static final FrameRef FRAME = FrameRef.newBuilder().setCamera("cam-a").setSite("lab").setSeq(42)
            .setCaptureMs(1_700_000_000_000L).setWidth(768).setHeight(576).build();
    private static ReidModel model;
    private static EmbedderStage stage;

    @BeforeAll
    static void open() {
        model = ReidModel.builtin();
        stage = new EmbedderStage(model, TOPICS);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static final byte[] RED_PERSON = personJpeg(Pictures.RED, Pictures.BLUE, 1);
    private static final byte[] GREEN_PERSON = personJpeg(Pictures.GREEN, Pictures.DARK, 2);

    private static byte[] personJpeg(Scalar shirt, Scalar trousers, long seed) {
        try (Mat m = Pictures.person(shirt, trousers, 0, 0, 1, 1, seed)) {
            return Jpeg.encode(m, 90);
        }
    }

    @Test
    void twoCropsBecomeTwoNormalisedVectors() throws Exception {
        byte[] red = RED_PERSON;
        byte[] green = GREEN_PERSON;
        Box first = Box.newBuilder().setX(10).setY(20).setW(60).setH(150).setScore(0.9f).build();
        Box second = Box.newBuilder().setX(300).setY(40).setW(55).setH(140).setScore(0.7f).build();
        FrameDetections in = detections(detection(first, red), detection(second, green));

        List<ProducerRecord<byte[], byte[]>> out = stage.handle(record(WireSerdes.DETECTIONS.serialize("x", in)));

        assertEquals(1, out.size());
        assertEquals("t1.embeddings", out.get(0).topic());
        assertArrayEquals("cam-a".getBytes(StandardCharsets.UTF_8), out.get(0).key());
        FrameEmbeddings e = WireSerdes.EMBEDDINGS.deserialize("t1.embeddings", out.get(0).value());
        assertEquals(WireSchema.VERSION, e.getSchemaVersion());
        assertEquals(FRAME, e.getFrame());
        assertEquals(model.version(), e.getModelVersion());
        assertEquals(2, e.getBoxesCount());
        assertEquals(first, e.getBoxes(0).getBox());
        assertEquals(second, e.getBoxes(1).getBox());
        for (EmbeddedBox box : e.getBoxesList()) {
            assertEquals(AppearanceModel.GLOBAL_DIM, box.getGlobal().getValuesCount());
            assertEquals(1.0, norm(box.getGlobal()), 1e-5);
            assertEquals(AppearanceModel.STRIPES, box.getPartsCount());
            for (Vector part : box.getPartsList()) {
                assertEquals(1.0, norm(part), 1e-5);
            }
        }
        assertTrue(dot(e.getBoxes(0).getGlobal(), e.getBoxes(1).getGlobal()) < 0.9, "different people differ");
    }

    @Test
    void aWeakBoxWithoutACropKeepsItsPlaceAndGetsNoEmbeddingInOneMessageOrInABatch() throws Exception {
        byte[] red = RED_PERSON;
        byte[] green = GREEN_PERSON;
        Box strong = Box.newBuilder().setX(10).setY(20).setW(60).setH(150).setScore(0.9f).build();
        Box weak = Box.newBuilder().setX(100).setY(30).setW(50).setH(120).setScore(0.2f).build();
        Box other = Box.newBuilder().setX(300).setY(40).setW(55).setH(140).setScore(0.7f).build();
        FrameDetections in = detections(detection(strong, red), Detection.newBuilder().setBox(weak).build(),
                detection(other, green));
        FrameEmbeddings alone = stage.embed(detections(detection(strong, red), detection(other, green)));

        FrameEmbeddings e = stage.embed(in);
        assertEquals(List.of(strong, weak, other), e.getBoxesList().stream().map(EmbeddedBox::getBox).toList());
        assertEquals(0, e.getBoxes(1).getGlobal().getValuesCount());
        assertEquals(0, e.getBoxes(1).getPartsCount());
        assertEquals(alone.getBoxes(0).getGlobal(), e.getBoxes(0).getGlobal());
        assertEquals(alone.getBoxes(1).getGlobal(), e.getBoxes(2).getGlobal(), "the crops after it keep their own vectors");
        List<BatchHandler.Outcome> batch = stage.handle(List.of(record(WireSerdes.DETECTIONS.serialize("x", in)),
                record(WireSerdes.DETECTIONS.serialize("x", detections(detection(other, green))))));
        assertEquals(e, embeddings(batch.get(0)));
        assertEquals(alone.getBoxes(1).getGlobal(), embeddings(batch.get(1)).getBoxes(0).getGlobal());
    }

    @Test
    void aFrameWithoutDetectionsGivesAnEmptyMessage() throws Exception {
        List<ProducerRecord<byte[], byte[]>> out = stage.handle(record(WireSerdes.DETECTIONS.serialize("x", detections())));
        FrameEmbeddings e = WireSerdes.EMBEDDINGS.deserialize("t1.embeddings", out.get(0).value());
        assertEquals(0, e.getBoxesCount());
        assertEquals(FRAME, e.getFrame());
        assertEquals(model.version(), e.getModelVersion());
    }

    @Test
    void everyMessageCarriesTheModelsOwnCalibrationAndTheBuiltInModelsNone() throws Exception {
        Map<String, String> meta = Map.of(CalibrationMetadata.KEY_SAME_TRACK, "40,-28",
                CalibrationMetadata.KEY_BETWEEN, "30,-18", CalibrationMetadata.KEY_PAIRS, "120,900");
        OnnxGraph g = new OnnxGraph("identity");
        String in = g.floatInput("input", "N", 3, 4, 2);
        g.node("Flatten", "embedding", new String[] {in}, OnnxGraph.integer("axis", 1));
        g.floatOutput("embedding", "N", "D");
        byte[] red = RED_PERSON;
        Box box = Box.newBuilder().setW(40).setH(100).build();
        List<ConsumerRecord<byte[], byte[]>> records = List.of(
                record(WireSerdes.DETECTIONS.serialize("x", detections(detection(box, red)))),
                record(WireSerdes.DETECTIONS.serialize("x", detections())));
        try (ReidModel calibrated = ReidModel.open(g.toModel("test", meta))) {
            EmbedderStage own = new EmbedderStage(calibrated, TOPICS);
            ModelCalibration expected = calibrated.calibration().orElseThrow().toWire();
            for (BatchHandler.Outcome outcome : own.handle(records)) {
                assertEquals(expected, embeddings(outcome).getCalibration());
            }
            assertEquals(expected, own.embed(detections()).getCalibration(), "a frame embedded alone too");
            assertEquals(40, expected.getSameTrackSlope());
            assertEquals(900, expected.getNegativePairs());
        }
        for (BatchHandler.Outcome outcome : stage.handle(records)) {
            assertFalse(embeddings(outcome).hasCalibration(), "the built-in model's curves are the matcher's defaults");
        }
    }

    @Test
    void badInputIsRejectedForDeadLetters() {
        Box box = Box.newBuilder().setW(10).setH(20).build();
        byte[] badCrop = WireSerdes.DETECTIONS.serialize("x", detections(detection(box, new byte[] {1, 2, 3, 4})));
        var e = assertThrows(BadImageException.class, () -> stage.handle(record(badCrop)));
        assertTrue(e.getMessage().contains("crop 0") && e.getMessage().contains("cam-a"), e.getMessage());

        assertThrows(BadMessageException.class, () -> stage.handle(record(new byte[] {(byte) 0xff, 0x01, 0x7f})));
        byte[] future = detections().toBuilder().setSchemaVersion(WireSchema.VERSION + 1).build().toByteArray();
        assertThrows(BadMessageException.class, () -> stage.handle(record(future)));
        assertThrows(BadMessageException.class, () -> stage.handle(record(null)));
    }

    @Test
    void aBatchOfMessagesInSmallModelRunsGivesWhatEachMessageGetsAloneInOrderWithABadOneSetApart() throws Exception {
        byte[][] crops = new byte[3][];
        Mat[] people = {Pictures.person(Pictures.RED, Pictures.BLUE, 0, 0, 1, 1, 1),
            Pictures.person(Pictures.GREEN, Pictures.DARK, 0, 0, 1, 1, 2),
            Pictures.person(Pictures.YELLOW, Pictures.BLUE, 0, 0, 1, 1, 3)};
        for (int i = 0; i < 3; i++) {
            crops[i] = Jpeg.encode(people[i], 90);
            people[i].close();
        }
        Box box = Box.newBuilder().setW(40).setH(100).build();
        List<ConsumerRecord<byte[], byte[]>> records = List.of(
                record(WireSerdes.DETECTIONS.serialize("x", detections(detection(box, crops[0]), detection(box, crops[1])))),
                record(new byte[] {(byte) 0xff, 0x01}),
                record(WireSerdes.DETECTIONS.serialize("x", detections())),
                record(WireSerdes.DETECTIONS.serialize("x", detections(detection(box, crops[2]), detection(box, crops[0]),
                        detection(box, crops[1])))));
        // runs of two crops: the five crops of the batch take three model runs across messages
        EmbedderStage batched = new EmbedderStage(new ModelSlot(model), TOPICS, 2);
        List<BatchHandler.Outcome> outcomes = batched.handle(records);

        assertEquals(4, outcomes.size());
        assertTrue(outcomes.get(1).error() instanceof BadMessageException, "the undecodable one alone fails");
        for (int i : new int[] {0, 2, 3}) {
            assertEquals(null, outcomes.get(i).error());
            FrameEmbeddings together = WireSerdes.EMBEDDINGS.deserialize("t1.embeddings", outcomes.get(i).outputs().get(0).value());
            FrameEmbeddings alone = WireSerdes.EMBEDDINGS.deserialize("t1.embeddings", stage.handle(records.get(i)).get(0).value());
            assertEquals(alone.getBoxesCount(), together.getBoxesCount());
            for (int b = 0; b < alone.getBoxesCount(); b++) {
                List<Float> x = alone.getBoxes(b).getGlobal().getValuesList();
                List<Float> y = together.getBoxes(b).getGlobal().getValuesList();
                for (int k = 0; k < x.size(); k++) {
                    assertEquals(x.get(k), y.get(k), 1e-5f, "message " + i + " box " + b);
                }
            }
        }
    }

    @Test
    void cropsTravelByteForByteOnSampledFramesOnlyAndNeverWhenSamplingIsOff() throws Exception {
        byte[] red = RED_PERSON;
        byte[] green = GREEN_PERSON;
        Box box = Box.newBuilder().setW(40).setH(100).build();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (long seq = 0; seq < 12; seq++) {
            FrameDetections in = detections(detection(box, red), detection(box, green)).toBuilder()
                    .setFrame(FRAME.toBuilder().setSeq(seq)).build();
            records.add(record(WireSerdes.DETECTIONS.serialize("x", in)));
        }
        EmbedderStage everyFifth = new EmbedderStage(new ModelSlot(model), TOPICS, 32, 5);
        EmbedderStage never = new EmbedderStage(new ModelSlot(model), TOPICS, 32, 0);

        List<BatchHandler.Outcome> sampled = everyFifth.handle(records);
        List<BatchHandler.Outcome> none = never.handle(records);

        for (int seq = 0; seq < 12; seq++) {
            FrameEmbeddings withCrops = embeddings(sampled.get(seq));
            assertEquals(seq, withCrops.getFrame().getSeq());
            assertEquals(2, withCrops.getBoxesCount());
            if (seq % 5 == 0) {
                assertArrayEquals(red, withCrops.getBoxes(0).getCropJpeg().toByteArray(), "frame " + seq);
                assertArrayEquals(green, withCrops.getBoxes(1).getCropJpeg().toByteArray(), "frame " + seq);
            } else {
                assertTrue(withCrops.getBoxesList().stream().allMatch(b -> b.getCropJpeg().isEmpty()), "frame " + seq);
            }
            assertTrue(embeddings(none.get(seq)).getBoxesList().stream().allMatch(b -> b.getCropJpeg().isEmpty()),
                    "frame " + seq + " with crops_every 0");
        }
        FrameDetections first = WireSerdes.DETECTIONS.deserialize("x", records.get(0).value());
        assertArrayEquals(red, everyFifth.embed(first).getBoxes(0).getCropJpeg().toByteArray(),
                "one frame embedded alone forwards its crops the same way");
        assertTrue(never.embed(first).getBoxes(0).getCropJpeg().isEmpty());
    }

    private static FrameEmbeddings embeddings(BatchHandler.Outcome outcome) {
        assertEquals(null, outcome.error());
        return WireSerdes.EMBEDDINGS.deserialize("t1.embeddings", outcome.outputs().get(0).value());
    }

    private static FrameDetections detections(Detection... detections) {
        return FrameDetections.newBuilder().setSchemaVersion(WireSchema.VERSION).setFrame(FRAME)
                .setDetectorModel("hog").addAllDetections(List.of(detections)).build();
    }

    private static Detection detection(Box box, byte[] jpeg) {
        return Detection.newBuilder().setBox(box).setCropJpeg(ByteString.copyFrom(jpeg)).build();
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t1.detections", 0, 7L, "cam-a".getBytes(StandardCharsets.UTF_8), value);
    }

    private static double norm(Vector v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(Vector a, Vector b) {
        double s = 0;
        for (int i = 0; i < a.getValuesCount(); i++) {
            s += a.getValues(i) * b.getValues(i);
        }
        return s;
    }
}
