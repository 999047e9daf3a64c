package io.crossview.deploy.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.DeadLetter;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameRef;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.cli.CrossviewCli;
import io.crossview.ingest.replay.CaptureKey;
import io.crossview.ingest.replay.RecordingReader;
import io.crossview.ingest.replay.ReplaySummary;
import io.crossview.ingest.replay.Replayer;
import io.crossview.ingest.replay.Selection;
import io.crossview.ingest.replay.Speed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording, replay and export through a real broker, on real JPEG pictures. */
@Tag("integration")
class ReplayExportIT {
    private static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    // left and door hash to partition 0 of 2, right to partition 1: cameras share a partition and partitions interleave
    private static final List<String> CAMERAS = List.of("left", "door", "right");
    private static final int PER_CAMERA = 20;
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @TempDir
    Path dir;

    private record Recorded(String camera, long captureMs, long seq, byte[] value) {
        CaptureKey key() {
            return new CaptureKey(captureMs, camera, seq);
        }
    }

    @Test
    void replayingTheSameRangeTwiceGivesTheIdenticalFramesInCaptureOrderAndExportWritesThemAsVideo() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            KafkaConnection kafka = broker.connection();
            TopicAdmin.ensure(kafka, new Topics("rec."), 2, (short) 1);
            List<Recorded> recording = record(kafka);

            long start = T0 + 500;
            long end = T0 + 1500;
            List<Recorded> expected = recording.stream().filter(r -> r.captureMs() >= start && r.captureMs() < end)
                    .sorted(Comparator.comparing(Recorded::key)).toList();
            for (String prefix : List.of("r1.", "r2.")) {
                List<String> out = cli("replay", "--bootstrap", kafka.bootstrap(), "--from-prefix", "rec.", "--to-prefix", prefix,
                        "--start", Instant.ofEpochMilli(start).toString(), "--end", Long.toString(end), "--speed", "max");
                assertEquals(List.of(), out, "no error lines");
            }

            List<String> again = cli("replay", "--bootstrap", kafka.bootstrap(), "--from-prefix", "rec.", "--to-prefix", "r1.",
                    "--speed", "max");
            assertEquals(1, again.size());
            assertTrue(again.get(0).startsWith("crossview replay: r1.frames already holds " + expected.size() + " frames"),
                    again.get(0));

            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> r1 = readAll(kafka, "r1.frames", expected.size());
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> r2 = readAll(kafka, "r2.frames", expected.size());
            assertEquals(r1.keySet(), r2.keySet());
            for (int p : r1.keySet()) {
                assertEquals(r1.get(p).size(), r2.get(p).size(), "partition " + p);
                for (int i = 0; i < r1.get(p).size(); i++) {
                    assertArrayEquals(r1.get(p).get(i).key(), r2.get(p).get(i).key());
                    assertArrayEquals(r1.get(p).get(i).value(), r2.get(p).get(i).value(), "partition " + p + " record " + i);
                    assertEquals(r1.get(p).get(i).timestamp(), r2.get(p).get(i).timestamp());
                }
            }
            List<byte[]> inCaptureOrder = new ArrayList<>();
            try (RecordingReader reader = RecordingReader.open(kafka, "r1.frames", Selection.all(), 0)) {
                reader.read(visitor(inCaptureOrder));
            }
            assertEquals(expected.size(), inCaptureOrder.size());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).value(), inCaptureOrder.get(i), "frame " + i + " " + expected.get(i).key());
            }
            for (List<ConsumerRecord<byte[], byte[]>> partition : r1.values()) {
                for (ConsumerRecord<byte[], byte[]> r : partition) {
                    assertEquals(WireSerdes.FRAME.deserialize("t", r.value()).getRef().getCaptureMs(), r.timestamp(),
                            "the record timestamp is the capture time");
                }
            }

            for (String prefix : List.of("r1.", "r2.")) {
                DeadLetter letter = WireSerdes.DEAD_LETTER.deserialize("t",
                        readAll(kafka, prefix + "dead-letters", 1).values().iterator().next().get(0).value());
                assertEquals("rec.frames", letter.getTopic());
                assertEquals("replay", letter.getStage());
                assertEquals("not a frame", letter.getOriginalValue().toStringUtf8());
            }

            pacedReplayTakesAQuarterOfTheSpan(kafka);
            exportWritesEveryFrameOfOneCamera(kafka, recording, start, end);
        }
    }

    private void pacedReplayTakesAQuarterOfTheSpan(KafkaConnection kafka) throws Exception {
        TopicAdmin.ensure(kafka, new Topics("r4x."), 2, (short) 1);
        ReplaySummary summary;
        try (RecordingReader reader = RecordingReader.open(kafka, "rec.frames", Selection.all(), RecordingReader.DEFAULT_WINDOW_MS);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("it-4x"))) {
            summary = new Replayer(producer, new Topics("r4x."), Speed.parse("4x"), new PrintStream(new ByteArrayOutputStream()))
                    .replay(reader);
        }
        long span = summary.lastCaptureMs() - summary.firstCaptureMs();
        assertEquals(CAMERAS.size() * PER_CAMERA, summary.frames());
        assertTrue(summary.sendingMs() >= 0.6 * span / 4, "paced: " + summary.line());
        assertTrue(summary.sendingMs() < span, "faster than the recording: " + summary.line());
    }

    private void exportWritesEveryFrameOfOneCamera(KafkaConnection kafka, List<Recorded> recording, long start, long end) throws Exception {
        Path video = dir.resolve("left.mp4");
        List<String> out = cli("export", "--bootstrap", kafka.bootstrap(), "--prefix", "rec.", "--camera", "left",
                "--from", Instant.ofEpochMilli(start).toString(), "--to", Instant.ofEpochMilli(end).toString(),
                "--out", video.toString());
        assertEquals(List.of(), out);
        long frames = recording.stream().filter(r -> r.camera().equals("left") && r.captureMs() >= start && r.captureMs() < end).count();
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            assertEquals(WIDTH, grabber.getImageWidth());
            assertEquals(HEIGHT, grabber.getImageHeight());
            int grabbed = 0;
            while (grabber.grabImage() != null) {
                grabbed++;
            }
            assertEquals(frames, grabbed, "every recorded frame of the range is in the video");
            grabber.stop();
        }

        List<String> none = cli("export", "--bootstrap", kafka.bootstrap(), "--prefix", "rec.", "--camera", "nobody",
                "--from", Instant.ofEpochMilli(start).toString(), "--to", Instant.ofEpochMilli(end).toString(),
                "--out", dir.resolve("none.mp4").toString());
        assertEquals(1, none.size(), none.toString());
        assertTrue(none.get(0).startsWith("crossview export: no frames of camera nobody in ") && none.get(0).contains("left (10 frames)"),
                none.get(0));
    }

    /** Every camera in order by itself, the cameras shuffled together up to three frames apart, and one corrupt record. */
    private static List<Recorded> record(KafkaConnection kafka) throws Exception {
        Random random = new Random(42);
        int[] next = new int[CAMERAS.size()];
        List<Recorded> order = new ArrayList<>();
        while (order.size() < CAMERAS.size() * PER_CAMERA) {
            int c = random.nextInt(CAMERAS.size());
            int behind = Integer.MAX_VALUE;
            for (int i = 0; i < next.length; i++) {
                if (next[i] < PER_CAMERA) {
                    behind = Math.min(behind, next[i]);
                }
            }
            if (next[c] >= PER_CAMERA || next[c] - behind >= 3) {
                continue;
            }
            long capture = T0 + next[c] * 100L + c * 29L;
            order.add(new Recorded(CAMERAS.get(c), capture, next[c], frame(CAMERAS.get(c), c, next[c], capture)));
            next[c]++;
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("it-rec"))) {
            for (int i = 0; i < order.size(); i++) {
                Recorded r = order.get(i);
                producer.send(new ProducerRecord<>("rec.frames", null, r.captureMs(), bytes(r.camera()), r.value()));
                if (i == order.size() / 2) {
                    producer.send(new ProducerRecord<>("rec.frames", null, T0 + 1000, bytes("left"), bytes("not a frame")));
                }
            }
            producer.flush();
        }
        return order;
    }

    private static byte[] frame(String camera, int cameraIndex, long seq, long captureMs) {
        try (Mat picture = new Mat(HEIGHT, WIDTH, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                new Scalar(40 + 60 * cameraIndex, 90, 200 - 60 * cameraIndex, 0))) {
            int x = (int) (10 + seq * 12);
            opencv_imgproc.rectangle(picture, new Point(x, 60), new Point(x + 40, 180), new Scalar(20, 220, 240, 0), -1, 8, 0);
            FrameRef ref = FrameRef.newBuilder().setCamera(camera).setSite("it").setSeq(seq).setCaptureMs(captureMs)
                    .setWidth(WIDTH).setHeight(HEIGHT).build();
            return Frame.newBuilder().setSchemaVersion(WireSchema.VERSION).setRef(ref)
                    .setJpeg(ByteString.copyFrom(Jpeg.encode(picture, 85))).build().toByteArray();
        }
    }

    private static RecordingReader.Visitor visitor(List<byte[]> values) {
        return new RecordingReader.Visitor() {
            @Override
            public void frame(io.crossview.ingest.replay.RecordedFrame frame) {
                values.add(frame.record().value());
            }

            @Override
            public void undecodable(ConsumerRecord<byte[], byte[]> record, io.crossview.common.serde.BadMessageException error) {
                throw new AssertionError("replay wrote an undecodable frame", error);
            }
        };
    }

    private static Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(KafkaConnection kafka, String topic, int expected) {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumer("it-read"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int read = 0;
            long deadline = System.currentTimeMillis() + 20_000;
            while (read < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
                    read++;
                }
            }
            // a duplicate would show up here
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
                read++;
            }
            assertEquals(expected, read, topic);
        }
        return byPartition;
    }

    /** Runs a command line as a user would; returns what it printed to stderr. */
    private static List<String> cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = CrossviewCli.run(args);
        } finally {
            System.setErr(stderr);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("crossview")).toList();
        assertEquals(lines.isEmpty() ? 0 : 1, code, lines.toString());
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
