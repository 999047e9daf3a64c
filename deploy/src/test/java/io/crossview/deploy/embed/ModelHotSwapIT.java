package io.crossview.deploy.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.kafka.StageLoop;
import io.crossview.common.model.ModelVersion;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Detection;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.stages.Stages;
import io.crossview.embedder.EmbedderConfig;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.runtime.ReidModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running embedder takes a model announced on the models topic mid-stream: every message
 * is embedded exactly once, by the old model up to one batch and by the new one after, and
 * a corrupt announcement changes nothing.
 */
@Tag("integration")
class ModelHotSwapIT {
    private static final int MESSAGES = 300;

    @TempDir
    Path dir;

    @Test
    void anAnnouncedModelIsSwappedInBetweenBatchesWithoutLosingOrRepeatingAMessage() throws Exception {
        Topics topics = new Topics("swap.");
        Path newModel = Files.write(dir.resolve("builtin-b.onnx"), AppearanceModel.build("builtin-b"));
        String newVersion;
        try (ReidModel b = ReidModel.open(newModel)) {
            newVersion = b.version();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            TopicAdmin.ensure(broker.connection(), topics, 1, (short) 1);
            StageLoop embedder = Stages.embedder(broker.connection(), topics, EmbedderConfig.defaults().withBatching(8, 20));
            Thread stage = new Thread(embedder, "embedder");
            stage.start();
            byte[] crop = crop();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(broker.connection().producer("it"))) {
                for (int seq = 0; seq < MESSAGES; seq++) {
                    if (seq == 100) {
                        announce(producer, topics, newVersion, newModel.toString(), ModelVersion.sha256(Files.readAllBytes(newModel)));
                    }
                    if (seq == 200) {
                        // the bytes do not hash to what is announced: rejected, B goes on
                        announce(producer, topics, "builtin-c@000000000000", newModel.toString(), "0".repeat(64));
                    }
                    producer.send(new ProducerRecord<>(topics.detections().name(), "cam".getBytes(StandardCharsets.UTF_8),
                            detections(seq, crop).toByteArray()));
                    Thread.sleep(5);
                }
            }
            Map<Long, List<String>> versionsBySeq = readEmbeddings(broker.connection(), topics);
            embedder.close();
            stage.join(10_000);

            assertEquals(MESSAGES, versionsBySeq.size(), "every message was embedded");
            versionsBySeq.forEach((seq, versions) -> assertEquals(1, versions.size(), "frame " + seq + " once: " + versions));
            List<String> order = new ArrayList<>(new LinkedHashSet<>(versionsBySeq.values().stream().map(v -> v.get(0)).toList()));
            assertEquals(2, order.size(), "the old model, then the new one, never back: " + order);
            assertTrue(order.get(0).startsWith(AppearanceModel.NAME + "@"), order.toString());
            assertEquals(newVersion, order.get(1));
            assertEquals(newVersion, versionsBySeq.get((long) MESSAGES - 1).get(0), "the corrupt announcement was rejected");
        }
    }

    private static void announce(KafkaProducer<byte[], byte[]> producer, Topics topics, String version, String uri,
                                 String sha256) throws Exception {
        ModelAnnouncement announcement = ModelAnnouncement.newBuilder().setSchemaVersion(WireSchema.VERSION)
                .setName(EmbedderConfig.DEFAULT_MODEL_NAME).setVersion(version).setUri(uri).setSha256(sha256)
                .setCreatedMs(System.currentTimeMillis()).build();
        producer.send(new ProducerRecord<>(topics.models().name(), EmbedderConfig.DEFAULT_MODEL_NAME.getBytes(
                StandardCharsets.UTF_8), announcement.toByteArray())).get();
    }

    private static FrameDetections detections(int seq, byte[] crop) {
        FrameRef ref = FrameRef.newBuilder().setCamera("cam").setSite("lab").setSeq(seq)
                .setCaptureMs(1_700_000_000_000L + seq * 100L).setWidth(640).setHeight(480).build();
        FrameDetections.Builder out = FrameDetections.newBuilder().setSchemaVersion(WireSchema.VERSION).setFrame(ref)
                .setDetectorModel("test");
        for (int i = 0; i < 2; i++) {
            out.addDetections(Detection.newBuilder().setBox(Box.newBuilder().setX(10 + 50 * i).setY(20).setW(32)
                    .setH(64).setScore(0.9f)).setCropJpeg(ByteString.copyFrom(crop)));
        }
        return out.build();
    }

    private static byte[] crop() {
        try (Scalar red = new Scalar(30, 40, 200, 0);
             Mat person = new Mat(64, 32, org.bytedeco.opencv.global.opencv_core.CV_8UC3, red)) {
            return Jpeg.encode(person, 90);
        }
    }

    private static Map<Long, List<String>> readEmbeddings(KafkaConnection kafka, Topics topics) throws InterruptedException {
        Map<Long, List<String>> bySeq = new TreeMap<>();
        String topic = topics.embeddings().name();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumer("it-reader"))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.currentTimeMillis() + 60_000;
            int seen = 0;
            while (seen < MESSAGES && System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    FrameEmbeddings e = WireSerdes.EMBEDDINGS.deserialize(topic, record.value());
                    bySeq.computeIfAbsent(e.getFrame().getSeq(), k -> new ArrayList<>()).add(e.getModelVersion());
                    seen++;
                }
            }
            // anything embedded twice would arrive after the rest: give it a moment to show
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                FrameEmbeddings e = WireSerdes.EMBEDDINGS.deserialize(topic, record.value());
                bySeq.computeIfAbsent(e.getFrame().getSeq(), k -> new ArrayList<>()).add(e.getModelVersion());
            });
        }
        return bySeq;
    }

    /** The built-in model under another name: other bytes, another version, the same contract. */
}
