package io.crossview.deploy.ingest;

import io.crossview.common.kafka.KafkaConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.CameraState;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.cli.CrossviewCli;
import io.crossview.deploy.testing.TopicContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crossview ingest --cameras} as a user runs it, against a real broker. */
@Tag("integration")
class IngestCommandIT {
    @TempDir
    Path dir;

    @Test
    void aCamerasFileIsIngestedWithItsRecordingWindowAndARestartGoesOnNumbering() throws Exception {
        Path cameras = Files.writeString(dir.resolve("cameras.yaml"), """
                cameras:
                  - id: lobby
                    url: synth://cam1?cameras=2&people=4&seconds=1.5&fps=10&width=320&height=240
                    fps: 10
                  - id: yard
                    url: synth://cam2?cameras=2&people=4&seconds=1.5&fps=10&width=320&height=240
                    site: outside
                  - {id: spare, url: nowhere.mp4, enabled: false}
                ingest:
                  queue_frames: 4
                recording:
                  retention: 6h
                  max_bytes: 1GiB
                """);
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            String[] args = {"ingest", "--cameras", cameras.toString(), "--bootstrap", broker.bootstrap(),
                "--topic-prefix", "site1.", "--state-dir", dir.resolve("state").toString(), "--partitions", "2"};
            assertEquals(0, CrossviewCli.run(args));
            Topics topics = new Topics("site1.");
            List<ConsumerRecord<byte[], byte[]>> first = readAll(broker.connection(), topics.frames().name());
            assertEquals(30, first.size(), "15 frames of each enabled camera");

            assertEquals(0, CrossviewCli.run(args), "a second run of the same cameras");
            List<ConsumerRecord<byte[], byte[]>> both = readAll(broker.connection(), topics.frames().name());
            assertEquals(60, both.size());
            for (String camera : List.of("lobby", "yard")) {
                List<Long> seqs = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : both) {
                    var frame = WireSerdes.FRAME.deserializer().deserialize(r.topic(), r.value());
                    if (frame.getRef().getCamera().equals(camera)) {
                        seqs.add(frame.getRef().getSeq());
                        assertEquals(frame.getRef().getCaptureMs(), r.timestamp());
                    }
                }
                assertEquals(30, seqs.size());
                assertEquals(seqs.stream().distinct().count(), seqs.size(), camera + ": no sequence number twice: " + seqs);
                assertTrue(seqs.get(15) > seqs.get(14), camera + ": the second run numbers on: " + seqs);
            }

            List<CameraState> lobby = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : readAll(broker.connection(), topics.cameraStatus().name())) {
                var status = WireSerdes.CAMERA_STATUS.deserializer().deserialize(r.topic(), r.value());
                if (status.getCamera().equals("lobby")) {
                    lobby.add(status.getState());
                }
            }
            assertEquals(List.of(CameraState.CAMERA_CONNECTING, CameraState.CAMERA_CONNECTED, CameraState.CAMERA_STOPPED,
                    CameraState.CAMERA_CONNECTING, CameraState.CAMERA_CONNECTED, CameraState.CAMERA_STOPPED), lobby);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                ConfigResource frames = new ConfigResource(ConfigResource.Type.TOPIC, topics.frames().name());
                var config = admin.describeConfigs(List.of(frames)).all().get().get(frames);
                assertEquals("21600000", config.get("retention.ms").value());
                assertEquals(Long.toString(1L << 30), config.get("retention.bytes").value());
            }
        }
    }

    @Test
    void importingTheSameVideoTwiceNeverRepeatsASequenceNumber() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            String[] args = {"ingest", "--video", io.crossview.common.sample.SampleVideo.vtest().toString(), "--fps", "1",
                "--split-halves", "--bootstrap", broker.bootstrap(), "--state-dir", dir.resolve("state").toString()};
            assertEquals(0, CrossviewCli.run(args));
            assertEquals(0, CrossviewCli.run(args));
            List<Long> left = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : readAll(broker.connection(), Topics.defaults().frames().name())) {
                var ref = WireSerdes.FRAME.deserializer().deserialize(r.topic(), r.value()).getRef();
                if (ref.getCamera().equals("left")) {
                    left.add(ref.getSeq());
                }
            }
            assertEquals(160, left.size(), "80 sampled frames of the left half, twice");
            assertEquals(160, left.stream().distinct().count(), "no sequence number twice: " + left);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConnection kafka, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(TopicContents.read(kafka, topic));
        records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }
}
