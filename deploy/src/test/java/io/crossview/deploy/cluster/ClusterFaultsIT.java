package io.crossview.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.kafka.StageLoop;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.deploy.broker.LocalCluster;
import io.crossview.deploy.run.DetectionMode;
import io.crossview.deploy.run.Feeds;
import io.crossview.deploy.run.PipelineRun;
import io.crossview.deploy.run.RunResult;
import io.crossview.deploy.run.RunSettings;
import io.crossview.deploy.stages.PipelineLag;
import io.crossview.deploy.process.CrossviewProcess;
import io.crossview.deploy.stages.ConsumerGroups;
import io.crossview.deploy.stages.StageGroups;
import io.crossview.deploy.stages.Stages;
import io.crossview.deploy.synth.EvalSources;
import io.crossview.deploy.testing.TopicContents;
import io.crossview.detector.DetectorStage;
import io.crossview.detector.oracle.OracleSettings;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.publish.FramePublisher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-broker KRaft cluster, one JVM per broker, with replication factor 3 and
 * min.insync.replicas 2: a broker or a stage instance killed hard mid-stream loses nothing,
 * repeats nothing and changes no identity.
 */
@Tag("integration")
class ClusterFaultsIT {
    private static final OracleSettings ORACLE = new OracleSettings(0.03, 0.02, 1);

    @TempDir
    static Path dir;

    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        EvalSources.register();
        cluster = LocalCluster.start(3, dir.resolve("cluster"), 0);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killingTheLeaderOfTheFramesPartitionMidRunLosesNoAcknowledgedFrameAndChangesNoIdentity() throws Exception {
        KafkaConnection kafka = cluster.connection();
        RunResult clean = run(kafka, "clean.", cameras(4, 12));

        CompletableFuture<RunResult> faulted = CompletableFuture.supplyAsync(() -> {
            try {
                return run(kafka, "fault.", cameras(4, 12));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRecords(kafka, "fault.frames", 120, faulted);
        int leader = leaderOf(kafka, "fault.frames");
        cluster.kill(leader); // SIGKILL: no controlled shutdown, no leadership hand-over
        Thread.sleep(3_000);
        cluster.restart(leader);
        RunResult result = faulted.get(5, TimeUnit.MINUTES);

        assertEquals(clean.frames(), result.frames(), "every frame was acknowledged, through the failover");
        assertEquals(480, result.frames());
        assertTrue(result.crossCameraLinks() > 0 && result.identities() > 1, "people were linked: " + result);
        assertEquals(mot(dir.resolve("out-clean.")), mot(dir.resolve("out-fault.")),
                "the same identity on every box of every frame as the run without a failure");
        assertEquals(leader, alive(kafka, leader), "the killed broker is back in the cluster");
    }

    @Test
    void anEmbedderKilledMidStreamIsTakenOverByItsGroupAndEveryFrameIsEmbeddedOnce() throws Exception {
        KafkaConnection kafka = cluster.connection();
        Topics topics = new Topics("scale.");
        TopicAdmin.ensure(kafka, topics, 4, (short) -1);
        Path clientConfig = dir.resolve("fast-failover.properties");
        // the survivor takes the partitions of a dead instance after its session times out
        Files.writeString(clientConfig, "session.timeout.ms=6000\nheartbeat.interval.ms=1000\n");
        CrossviewProcess doomed = embedder(kafka, topics, clientConfig, "a");
        CrossviewProcess survivor = embedder(kafka, topics, clientConfig, "b");
        FramePublisher publisher;
        try (DetectorStage stage = Stages.detectorStage(topics, DetectionMode.oracle(ORACLE));
             StageLoop detector = Stages.detector(kafka, topics, stage);
             PipelineLag lag = new PipelineLag(kafka);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("it-ingest"));
             Feeds feeds = Feeds.open(spreadCameras())) {
            try (Admin admin = Admin.create(kafka.admin())) {
                ConsumerGroups.awaitStable(admin, StageGroups.embedder(topics), 2, Duration.ofSeconds(120), () ->
                        assertTrue(survivor.isAlive() && doomed.isAlive(), "both embedders are running"));
            }
            Thread detecting = new Thread(detector, "it-detector");
            detecting.start();
            publisher = new FramePublisher(producer, topics, 90);
            FramePublisher ingest = publisher;
            CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> {
                try {
                    return ingest.publishAll(feeds.list(), true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the embedders may still be catching up when ingest is done: mid-stream is theirs
            awaitRecords(kafka, topics.embeddings().name(), 120, publishing.thenCompose(
                    frames -> new CompletableFuture<>())); // done only if it failed
            doomed.kill();
            publishing.get(2, TimeUnit.MINUTES);
            long deadline = System.currentTimeMillis() + 120_000;
            while (lag.lag(StageGroups.detector(topics), List.of(topics.frames().name())) > 0
                    || lag.lag(StageGroups.embedder(topics), List.of(topics.detections().name())) > 0) {
                assertTrue(System.currentTimeMillis() < deadline, "the surviving embedder took over and caught up");
                assertTrue(survivor.isAlive(), "the surviving embedder is running");
                Thread.sleep(250);
            }
            detector.close();
            detecting.join(10_000);
        } finally {
            doomed.kill(); // already dead unless the test failed before killing it
            survivor.close();
        }

        Map<String, Integer> embedded = new TreeMap<>();
        for (var record : TopicContents.read(kafka, topics.embeddings().name())) {
            FrameEmbeddings frame = WireSerdes.EMBEDDINGS.deserialize(record.topic(), record.value());
            embedded.merge(frame.getFrame().getCamera() + "#" + frame.getFrame().getSeq(), 1, Integer::sum);
        }
        assertEquals(600, publisher.acknowledged());
        assertEquals(publisher.acknowledged(), embedded.size(), "every acknowledged frame was embedded");
        assertEquals(List.of(), embedded.entrySet().stream().filter(e -> e.getValue() != 1).toList(),
                "no frame was embedded twice");
    }

    private RunResult run(KafkaConnection kafka, String prefix, List<CameraConfig> cameras) throws Exception {
        RunSettings settings = new RunSettings("run", dir.resolve("out-" + prefix), kafka, prefix,
                DetectionMode.oracle(ORACLE), 0, true);
        try (Feeds feeds = Feeds.open(cameras)) {
            return new PipelineRun(settings, new PrintStream(new ByteArrayOutputStream())).run(feeds.list(),
                    feeds.annotations(0));
        }
    }

    private static List<CameraConfig> cameras(int n, int seconds) {
        List<CameraConfig> cameras = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            cameras.add(CameraConfig.of("cam" + i, "synth://cam" + i + "?seed=3&cameras=" + n + "&people=8&seconds="
                    + seconds, 10));
        }
        return cameras;
    }

    /** Six cameras under ids that the default partitioner spreads over all four partitions, so each embedder holds some. */
    private static List<CameraConfig> spreadCameras() {
        List<String> ids = ConsumerGroups.spreadCameraIds(6, 4);
        List<CameraConfig> cameras = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            cameras.add(CameraConfig.of(ids.get(i), "synth://cam" + (i + 1) + "?seed=3&cameras=6&people=8&seconds=10", 10));
        }
        return cameras;
    }

    private static CrossviewProcess embedder(KafkaConnection kafka, Topics topics, Path clientConfig, String name)
            throws Exception {
        return CrossviewProcess.start(512, dir.resolve("embed-" + name + ".log"), List.of("embed", "--bootstrap",
                kafka.bootstrap(), "--kafka-config", clientConfig.toString(), "--topic-prefix", topics.prefix(),
                "--partitions", "4", "--no-watch"));
    }

    private static void awaitRecords(KafkaConnection kafka, String topic, long records, CompletableFuture<?> work)
            throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!topicExists(kafka, topic) || TopicAdmin.records(kafka, topic) < records) {
            if (work.isDone()) {
                work.get(); // a failure says why
                throw new AssertionError("finished before " + records + " records reached " + topic);
            }
            assertTrue(System.currentTimeMillis() < deadline, "no " + records + " records in " + topic);
            Thread.sleep(100);
        }
    }

    private static boolean topicExists(KafkaConnection kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.admin())) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    private static int leaderOf(KafkaConnection kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.admin())) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(3, description.partitions().get(0).replicas().size(), "replication factor 3");
            return description.partitions().get(0).leader().id();
        }
    }

    /** The given broker id once the cluster lists it again. */
    private static int alive(KafkaConnection kafka, int nodeId) throws Exception {
        try (Admin admin = Admin.create(kafka.admin())) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                if (admin.describeCluster().nodes().get().stream().anyMatch(n -> n.id() == nodeId)) {
                    return nodeId;
                }
                Thread.sleep(250);
            }
            return -1;
        }
    }

    /** Every MOTChallenge result file of a run, by name. */
    private static Map<String, String> mot(Path out) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var listing = Files.list(out.resolve("mot"))) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
