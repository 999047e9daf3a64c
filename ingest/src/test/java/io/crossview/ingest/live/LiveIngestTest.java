package io.crossview.ingest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.CameraState;
import io.crossview.common.wire.CameraStatus;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.config.IngestSettings;
import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.source.SourceException;
import io.crossview.ingest.source.Sources;
import io.crossview.ingest.testing.PatternSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live runtime over real sources (pattern cameras registered as a url scheme, files); the
 * producer is Kafka's MockProducer so a slow broker can be staged.
 */
class LiveIngestTest {
    private static final Topics TOPICS = Topics.defaults();

    @BeforeAll
    static void registerPatternCameras() {
        PatternSource.register();
    }

    @TempDir
    Path state;

    private final List<CameraStatus> statuses = new CopyOnWriteArrayList<>();

    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A 1 MiB in-flight budget: a few dozen frames, so a stuck broker shows quickly. */
    private IngestSettings settings(int queue, DropPolicy policy) {
        return new IngestSettings(queue, policy, 1L << 20, 2_000, 5_000, 20, 80, 0.3, 0, state);
    }

    private LiveIngest start(List<CameraConfig> cameras, IngestSettings settings, MockProducer<byte[], byte[]> producer,
                             SourceOpener opener) throws Exception {
        return LiveIngest.start(cameras, settings, producer, TOPICS, statuses::add, opener, new StageTimes(),
                System::currentTimeMillis);
    }

    private static CameraConfig pattern(String id, double seconds, double fps, boolean loop) {
        return pattern(id, seconds, fps, loop, 320, 240);
    }

    private static CameraConfig pattern(String id, double seconds, double fps, boolean loop, int width, int height) {
        return new CameraConfig(id, "lab", PatternSource.url("cam1", (int) Math.round(seconds * fps), fps, width, height),
                fps, null, null, null, null, loop, null);
    }

    private List<Long> sequences(MockProducer<byte[], byte[]> producer) {
        return producer.history().stream().filter(r -> r.topic().equals(TOPICS.frames().name()))
                .map(r -> WireSerdes.FRAME.deserializer().deserialize(r.topic(), r.value()).getRef().getSeq()).toList();
    }

    private List<CameraState> states(String camera) {
        return statuses.stream().filter(s -> s.getCamera().equals(camera)).map(CameraStatus::getState).toList();
    }

    @Test
    void aFileCameraPlaysAtItsOwnPaceThenStopsAndSaysSo() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(true);
        long start = System.nanoTime();
        try (LiveIngest ingest = start(List.of(pattern("a", 1, 10, false)), settings(8, DropPolicy.DROP_OLDEST), producer,
                Sources::open)) {
            assertTrue(ingest.awaitCameras(20_000));
            assertEquals(10, ingest.cameras().get(0).grabbed());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.85, "ten frames at 10 fps take about 0.9 s of wall clock, took " + seconds);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), sequences(producer));
        assertEquals(List.of(CameraState.CAMERA_CONNECTING, CameraState.CAMERA_CONNECTED, CameraState.CAMERA_STOPPED),
                states("a"));
        assertEquals("end of file", statuses.get(statuses.size() - 1).getReason());
        ProducerRecord<byte[], byte[]> first = producer.history().stream()
                .filter(r -> r.topic().equals(TOPICS.frames().name())).findFirst().orElseThrow();
        long capture = WireSerdes.FRAME.deserializer().deserialize(first.topic(), first.value()).getRef().getCaptureMs();
        assertEquals(capture, first.timestamp(), "the record timestamp is the capture time");
    }

    @Test
    void aLoopingFileStartsAgainAndSequenceNumbersNeverRepeatAcrossRestarts() throws Exception {
        MockProducer<byte[], byte[]> firstRun = producer(true);
        try (LiveIngest ingest = start(List.of(pattern("loop", 0.5, 10, true)), settings(8, DropPolicy.DROP_OLDEST),
                firstRun, Sources::open)) {
            while (ingest.cameras().get(0).grabbed() < 12) {
                Thread.sleep(50);
            }
        }
        List<Long> first = sequences(firstRun);
        assertTrue(first.size() >= 12, "the 5-frame file played more than twice: " + first.size());
        MockProducer<byte[], byte[]> secondRun = producer(true);
        try (LiveIngest ingest = start(List.of(pattern("loop", 0.5, 10, true)), settings(8, DropPolicy.DROP_OLDEST),
                secondRun, Sources::open)) {
            while (ingest.cameras().get(0).grabbed() < 3) {
                Thread.sleep(50);
            }
        }
        List<Long> second = sequences(secondRun);
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i) > first.get(i - 1), "rising within a run: " + first);
        }
        long lastOfFirst = first.get(first.size() - 1);
        assertTrue(second.get(0) > lastOfFirst, "the restarted process goes on above " + lastOfFirst + ": " + second);
    }

    @Test
    void aBrokerThatNeverAnswersCostsDroppedFramesNotMemory() throws Exception {
        MockProducer<byte[], byte[]> stuck = producer(false);
        IngestSettings settings = settings(3, DropPolicy.DROP_OLDEST);
        try (LiveIngest ingest = start(List.of(pattern("busy", 2, 25, false, 640, 480)), settings, stuck, Sources::open)) {
            assertTrue(ingest.awaitCameras(30_000));
            CameraReport report = ingest.cameras().get(0);
            long handedToProducer = sequences(stuck).size();
            assertEquals(50, report.grabbed());
            assertEquals(0, report.published(), "nothing was acknowledged");
            long unaccounted = report.grabbed() - (handedToProducer + report.dropped() + report.queued());
            // one frame may sit in the sender's hands, waiting for budget
            assertTrue(unaccounted == 0 || unaccounted == 1,
                    "every frame is sent, queued or counted as dropped: " + report + ", sent " + handedToProducer);
            assertTrue(report.queued() <= 3, "the queue holds at most its capacity");
            long inFlightBytes = stuck.history().stream().filter(r -> r.topic().equals(TOPICS.frames().name()))
                    .mapToLong(r -> r.value().length).sum();
            assertTrue(inFlightBytes <= settings.maxInFlightBytes() + 64 * 1024,
                    "unacknowledged bytes stay within the budget: " + inFlightBytes);
            assertTrue(report.dropped() > 0, "with nothing acknowledged, frames had to be dropped: " + report);
            while (ingest.cameras().get(0).queued() > 0) {
                stuck.flush();
                Thread.sleep(20);
            }
            stuck.flush();
        }
    }

    @Test
    void dropOldestKeepsTheFreshestFramesAndDropNewestTheFirstOnes() throws Exception {
        List<Long> kept = new java.util.ArrayList<>();
        for (DropPolicy policy : DropPolicy.values()) {
            MockProducer<byte[], byte[]> stuck = producer(false);
            // a 1 MiB budget of ~40 KB frames: a few dozen in flight before the queue of 2 overflows
            try (LiveIngest ingest = start(List.of(pattern("p" + policy.ordinal(), 2, 25, false, 640, 480)), settings(2, policy),
                    stuck, Sources::open)) {
                assertTrue(ingest.awaitCameras(30_000));
                assertTrue(ingest.cameras().get(0).dropped() > 0, policy + ": " + ingest.cameras().get(0));
                // release the broker: the queued frames follow
                while (ingest.cameras().get(0).queued() > 0) {
                    stuck.flush();
                    Thread.sleep(20);
                }
                Thread.sleep(100);
                stuck.flush();
            }
            List<Long> sent = sequences(stuck);
            kept.add(sent.get(sent.size() - 1));
        }
        assertEquals(49L, kept.get(0), "drop_oldest sends the last frame of the file");
        assertTrue(kept.get(1) < 49L, "drop_newest had dropped the last frames: " + kept.get(1));
    }

    @Test
    void aMissingFileFailsAtOnceWithoutRetrying() throws Exception {
        CameraConfig missing = new CameraConfig("gone", null, state.resolve("nope.mp4").toString(), 10.0, null, null,
                null, null, null, null);
        try (LiveIngest ingest = start(List.of(missing), settings(8, DropPolicy.DROP_OLDEST), producer(true),
                Sources::open)) {
            assertTrue(ingest.awaitCameras(5_000));
        }
        assertEquals(List.of(CameraState.CAMERA_CONNECTING, CameraState.CAMERA_FAILED), states("gone"));
        assertTrue(statuses.get(1).getReason().startsWith("video not found"), statuses.get(1).getReason());
    }

    @Test
    void aSourceThatKeepsFailingIsRetriedWithGrowingDelaysAndGivenUpAfterTheLimit() throws Exception {
        CameraConfig camera = new CameraConfig("door", null, "rtsp://admin:hunter2@10.0.0.9/live", 10.0, null, null,
                null, null, null, null);
        IngestSettings settings = new IngestSettings(8, DropPolicy.DROP_OLDEST, 64L << 20, 1_000, 5_000, 20, 1_000,
                0.0, 4, state);
        SourceOpener refused = (c, timeout) -> {
            throw new SourceException("cannot open " + c.source().masked() + " (Connection refused)", false);
        };
        try (LiveIngest ingest = start(List.of(camera), settings, producer(true), refused)) {
            assertTrue(ingest.awaitCameras(10_000));
        }
        List<CameraStatus> door = statuses.stream().filter(s -> s.getCamera().equals("door")).toList();
        List<Long> delays = door.stream().filter(s -> s.getState() == CameraState.CAMERA_RECONNECTING)
                .map(CameraStatus::getRetryInMs).toList();
        assertEquals(List.of(20L, 40L, 80L), delays, "exponential backoff without jitter");
        CameraStatus last = door.get(door.size() - 1);
        assertEquals(CameraState.CAMERA_FAILED, last.getState());
        assertTrue(last.getReason().endsWith("gave up after 4 attempts"), last.getReason());
        for (CameraStatus s : door) {
            assertEquals("rtsp://admin:***@10.0.0.9/live", s.getUrl());
            assertTrue(!s.getReason().contains("hunter2"), s.getReason());
        }
    }
}
