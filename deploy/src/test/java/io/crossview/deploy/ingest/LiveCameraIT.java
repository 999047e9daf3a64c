package io.crossview.deploy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.CameraState;
import io.crossview.common.wire.CameraStatus;
import io.crossview.common.wire.Frame;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.testing.TopicContents;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.config.IngestSettings;
import io.crossview.ingest.live.DropPolicy;
import io.crossview.ingest.live.KafkaStatusSink;
import io.crossview.ingest.live.LiveIngest;
import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.source.Sources;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real live camera: Debian's ffmpeg serves vtest.avi as an MPEG-TS stream over HTTP on
 * loopback; the test kills the server mid-stream and starts it again, then freezes it
 * (SIGSTOP: connection open, no data) and replaces it; ingest must come back by itself each
 * time, with sequence numbers that go on and status events that tell the story.
 */
@Tag("integration")
class LiveCameraIT {
    @TempDir
    Path dir;

    private Process server;

    private Process serve(int port) throws IOException {
        List<String> command = List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1",
                "-i", SampleVideo.vtest().toString(), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "10", "-f", "mpegts", "-listen", "1", "http://127.0.0.1:" + port + "/live.ts");
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("ffmpeg-" + System.nanoTime() + ".log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("this test needs Debian's ffmpeg on the PATH (.ci/run installs it): " + e.getMessage(), e);
        }
    }

    private static void signal(String name, Process process) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void ingestComesBackByItselfWhenTheStreamServerDiesOrStallsAndReturns() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Topics topics = new Topics("live.");
        CameraConfig camera = new CameraConfig("gate", "lab", "http://viewer:s3cret@127.0.0.1:" + port + "/live.ts",
                5.0, null, null, null, null, null, null);
        IngestSettings settings = new IngestSettings(8, DropPolicy.DROP_OLDEST, 16L << 20, 2_000, 3_000, 200, 1_000,
                0.2, 0, dir.resolve("state"));
        List<CameraStatus> seen = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            TopicAdmin.ensure(broker.connection(), topics, 1, (short) 1);
            server = serve(port);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(broker.connection().producer("it"))) {
                KafkaStatusSink toKafka = new KafkaStatusSink(producer, topics);
                try (LiveIngest ingest = LiveIngest.start(List.of(camera), settings, producer, topics,
                        status -> {
                            seen.add(status);
                            toKafka.report(status);
                        }, Sources::open, new StageTimes(), System::currentTimeMillis)) {
                    await("the first 10 frames", 30_000, () -> ingest.cameras().get(0).published() >= 10);

                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    await("ingest to notice the server is gone", 15_000,
                            () -> seen.stream().anyMatch(s -> s.getState() == CameraState.CAMERA_RECONNECTING));
                    long beforeRestart = ingest.cameras().get(0).published();
                    Thread.sleep(1_500);

                    server = serve(port);
                    await("10 more frames after the restart", 45_000,
                            () -> ingest.cameras().get(0).published() >= beforeRestart + 10);

                    // a server that stops sending with the connection open is a stall
                    signal("STOP", server);
                    await("the stall to be reported", 15_000,
                            () -> seen.stream().anyMatch(s -> s.getState() == CameraState.CAMERA_STALLED));
                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    long beforeSecondRestart = ingest.cameras().get(0).published();
                    server = serve(port);
                    await("10 more frames after the stall", 45_000,
                            () -> ingest.cameras().get(0).published() >= beforeSecondRestart + 10);
                }
            } finally {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }

            List<Frame> frames = new ArrayList<>();
            List<CameraStatus> published = new ArrayList<>();
            TopicContents.read(broker.connection(), topics.frames().name()).forEach(r -> frames.add(
                    WireSerdes.FRAME.deserializer().deserialize(r.topic(), r.value())));
            TopicContents.read(broker.connection(), topics.cameraStatus().name()).forEach(r -> published.add(
                    WireSerdes.CAMERA_STATUS.deserializer().deserialize(r.topic(), r.value())));

            assertTrue(frames.size() >= 20, "frames before and after the outage: " + frames.size());
            long gapMs = 0;
            for (int i = 1; i < frames.size(); i++) {
                assertTrue(frames.get(i).getRef().getSeq() > frames.get(i - 1).getRef().getSeq(),
                        "sequence numbers rise and never repeat");
                long step = frames.get(i).getRef().getCaptureMs() - frames.get(i - 1).getRef().getCaptureMs();
                assertTrue(step >= 0, "capture times never go back, even though the stream's own clock restarted");
                gapMs = Math.max(gapMs, step);
            }
            assertTrue(gapMs >= 1_500, "the outage shows as a gap in wall-clock capture times: " + gapMs + " ms");

            List<CameraState> states = published.stream().map(CameraStatus::getState).toList();
            assertEquals(CameraState.CAMERA_CONNECTING, states.get(0));
            // ffmpeg may not listen yet at the first attempt: that is a reconnect too
            int connected = states.indexOf(CameraState.CAMERA_CONNECTED);
            assertTrue(connected > 0, "connected: " + states);
            List<CameraState> afterConnect = states.subList(connected, states.size());
            int reconnecting = afterConnect.indexOf(CameraState.CAMERA_RECONNECTING);
            assertTrue(reconnecting > 0, "reconnecting once the server was killed: " + states);
            List<CameraState> afterReconnect = afterConnect.subList(reconnecting, afterConnect.size());
            assertTrue(afterReconnect.contains(CameraState.CAMERA_CONNECTED), "connected again after the restart: " + states);
            int stalled = afterReconnect.indexOf(CameraState.CAMERA_STALLED);
            assertTrue(stalled > 0, "stalled when the server stopped sending: " + states);
            assertEquals(CameraState.CAMERA_RECONNECTING, afterReconnect.get(stalled + 1), "a stall is reconnected: " + states);
            assertTrue(afterReconnect.subList(stalled, afterReconnect.size()).contains(CameraState.CAMERA_CONNECTED),
                    "connected again after the stall: " + states);
            assertEquals(CameraState.CAMERA_STOPPED, states.get(states.size() - 1));
            for (CameraStatus status : published) {
                assertEquals("http://viewer:***@127.0.0.1:" + port + "/live.ts", status.getUrl());
                assertFalse(status.getReason().contains("s3cret"), status.getReason());
            }
            assertFalse(frames.get(0).getSource().getUri().contains("s3cret"), "frames carry the masked url too");
        }
    }
}
