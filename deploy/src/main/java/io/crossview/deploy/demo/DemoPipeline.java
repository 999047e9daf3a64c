package io.crossview.deploy.demo;

import io.crossview.common.kafka.KafkaClients;
import io.crossview.common.kafka.StageLoop;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.stages.PipelineLag;
import io.crossview.deploy.stages.StageGroups;
import io.crossview.deploy.stages.Stages;
import io.crossview.ingest.publish.FramePublisher;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.VideoFileSource;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.common.utils.Utils;

/**
 * Wires every stage in one process: broker (embedded unless one is given), ingest of the two
 * halves of a video as two cameras, detector, embedder, matcher, and a collector of results.
 * It returns once every stage has processed and committed everything ingest published.
 */
public final class DemoPipeline {
    static final String SITE = "demo";
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);

    private final DemoSettings settings;
    private final PrintStream progress;

    public DemoPipeline(DemoSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public DemoResult run() throws Exception {
        Files.createDirectories(settings.out());
        // Open the video first: a bad file stops the demo before anything starts.
        try (VideoFileSource source = VideoFileSource.open(settings.video(), settings.fps())) {
            Path work = Files.createTempDirectory(settings.out().toAbsolutePath(), ".run-");
            try (EmbeddedBroker broker = settings.bootstrap() == null ? EmbeddedBroker.start(0, work.resolve("broker")) : null) {
                String bootstrap = broker != null ? broker.bootstrap() : settings.bootstrap();
                progress.println("demo: kafka at " + bootstrap + (broker != null ? " (embedded)" : "")
                        + ", video " + settings.video() + " (" + source.width() + "x" + source.height()
                        + " at " + Math.round(source.sourceFps()) + " fps, sampled at " + settings.fps() + " fps)");
                return runStages(source, bootstrap, work);
            } finally {
                Utils.delete(work.toFile());
            }
        }
    }

    private DemoResult runStages(VideoFileSource source, String bootstrap, Path work) throws Exception {
        Topics topics = new Topics(settings.topicPrefix());
        // One partition per topic: every stage then sees both cameras in capture-time order,
        // as it would with live cameras, instead of one camera racing ahead of the other.
        TopicAdmin.ensure(bootstrap, topics, 1, (short) -1);
        List<CameraView> cameras = List.of(CameraView.halves("left", "right", SITE));
        long span = settings.maxFrames() > 0 ? settings.maxFrames() : Math.max(1, source.sourceFrames() - settings.startFrame());
        AnnotatedFrames toAnnotate = new AnnotatedFrames(settings.startFrame(), span, source.sampleStep(), 6);
        MatcherConfig matcherConfig = MatcherConfig.defaults(work.resolve("matcher-state"));

        List<AutoCloseable> running = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "demo-progress"));
        try (IdentityCollector collector = new IdentityCollector(bootstrap, topics,
                settings.out().resolve("identities.jsonl"), toAnnotate::contains);
             StageLoop detector = Stages.detector(bootstrap, topics);
             StageLoop embedder = Stages.embedder(bootstrap, topics);
             KafkaStreams matcher = Stages.matcher(bootstrap, topics, matcherConfig);
             PipelineLag lag = new PipelineLag(bootstrap);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "demo-ingest"))) {
            threads.add(start(collector, "demo-collector"));
            threads.add(start(detector, "detector"));
            threads.add(start(embedder, "embedder"));
            matcher.start();
            FramePublisher publisher = new FramePublisher(producer, topics, 90);
            long startNanos = System.nanoTime();
            ticker.scheduleAtFixedRate(() -> progress.println(String.format(
                    "demo: [%3ds] ingested %d camera frames, detected %d, embedded %d, identity events %d (identities %d)",
                    (System.nanoTime() - startNanos) / 1_000_000_000L, publisher.published(), detector.processed(),
                    embedder.processed(), collector.events(), collector.identities())), 3, 3, TimeUnit.SECONDS);

            long sourceFrames = publisher.publishAll(source, cameras,
                    new FrameRange(settings.startFrame(), settings.maxFrames()));
            if (sourceFrames == 0) {
                throw new IOException("no frames in " + settings.video() + " from frame " + settings.startFrame());
            }
            progress.println("demo: ingest done, " + publisher.published() + " camera frames; waiting for the stages to finish");
            awaitDrained(topics, matcherConfig, lag, collector, matcher);
            ticker.shutdownNow();
            int annotated = annotate(collector);
            progress.println("demo: wrote " + settings.out().resolve("identities.jsonl") + " and " + annotated
                    + " annotated frames in " + settings.out());
            return new DemoResult(cameras.size(), publisher.published(), collector.detections(), collector.tracks(),
                    collector.identities(), collector.crossCameraLinks(), collector.events(), settings.out());
        } finally {
            ticker.shutdownNow();
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
    }

    private void awaitDrained(Topics topics, MatcherConfig matcherConfig, PipelineLag lag, IdentityCollector collector,
                              KafkaStreams matcher) throws InterruptedException {
        String matcherGroup = topics.prefix() + matcherConfig.applicationId();
        List<String> matcherInputs = List.of(topics.embeddings().name(),
                matcherGroup + "-" + MatcherTopology.TRACKLETS_BY_SITE + "-repartition");
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        int quietChecks = 0;
        while (quietChecks < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stages did not finish within " + DRAIN_TIMEOUT.toMinutes() + " minutes");
            }
            if (matcher.state() == KafkaStreams.State.ERROR || matcher.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("the matcher stopped: " + matcher.state());
            }
            Thread.sleep(500);
            boolean drained = lag.lag(StageGroups.detector(topics), List.of(topics.frames().name())) == 0
                    && lag.lag(StageGroups.embedder(topics), List.of(topics.detections().name())) == 0
                    && lag.lag(matcherGroup, matcherInputs) == 0
                    && collector.caughtUp();
            quietChecks = drained ? quietChecks + 1 : 0;
        }
    }

    private int annotate(IdentityCollector collector) throws IOException {
        int written = 0;
        for (Map.Entry<String, byte[]> frame : collector.keptFrames().entrySet()) {
            String[] cameraAndSeq = frame.getKey().split("#");
            var events = collector.eventsOf(cameraAndSeq[0], Long.parseLong(cameraAndSeq[1]));
            Path png = settings.out().resolve(String.format("frame-%s-%04d.png", cameraAndSeq[0], Long.parseLong(cameraAndSeq[1])));
            FrameAnnotator.write(frame.getValue(), events, png);
            written++;
        }
        return written;
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
