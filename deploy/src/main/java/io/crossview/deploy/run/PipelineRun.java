package io.crossview.deploy.run;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.kafka.StageLoop;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.console.ConsoleServer;
import io.crossview.deploy.console.ConsoleSettings;
import io.crossview.deploy.metrics.Health;
import io.crossview.deploy.query.MatcherInstance;
import io.crossview.deploy.query.ModelCropEmbedder;
import io.crossview.matcher.query.HttpAccess;
import io.crossview.deploy.stages.PipelineLag;
import io.crossview.detector.DetectorStage;
import io.crossview.deploy.stages.StageGroups;
import io.crossview.deploy.stages.Stages;
import io.crossview.embedder.EmbedderConfig;
import io.crossview.ingest.publish.FramePublisher;
import io.crossview.ingest.publish.SourceFeed;
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
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole pipeline in one process: a broker (embedded unless one is given), ingest of
 * every feed, detector, embedder, matcher, and a collector of results. It returns once
 * every stage has processed and committed everything ingest published, having written
 * identities.jsonl, one MOTChallenge result file per camera and a few annotated frames.
 */
public final class PipelineRun {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);
    /** The console's frames per camera in a run: vtest.avi's 400 sampled frames of each half, and more. */
    private static final int RUN_KEPT_FRAMES = 1024;

    private final RunSettings settings;
    private final PrintStream progress;
    private final int consolePort;
    private final Served served;

    public PipelineRun(RunSettings settings, PrintStream progress) {
        this(settings, progress, -1, null);
    }

    private PipelineRun(RunSettings settings, PrintStream progress, int consolePort, Served served) {
        this.settings = settings;
        this.progress = progress;
        this.consolePort = consolePort;
        this.served = served;
    }

    /**
     * This run with the console (and the matcher's query API under it) on loopback {@code port}
     * (0: a free one) from the start; once drained, {@code served} is called before anything closes.
     */
    public PipelineRun withConsole(int port, Served served) {
        return new PipelineRun(settings, progress, port, java.util.Objects.requireNonNull(served, "served"));
    }

    /** Runs the feeds to their end; the caller owns and closes the sources. */
    public RunResult run(List<SourceFeed> feeds, AnnotatedFrames toAnnotate) throws Exception {
        Files.createDirectories(settings.out());
        Path work = Files.createTempDirectory(settings.out().toAbsolutePath(), ".run-");
        try (EmbeddedBroker broker = settings.kafka() == null ? EmbeddedBroker.start(0, work.resolve("broker")) : null) {
            KafkaConnection kafka = broker != null ? broker.connection() : settings.kafka();
            say("kafka at " + kafka + (broker != null ? " (embedded)" : "") + ", detection "
                    + settings.detection().label());
            return runStages(feeds, toAnnotate, kafka, work);
        } finally {
            Utils.delete(work.toFile());
        }
    }

    private RunResult runStages(List<SourceFeed> feeds, AnnotatedFrames toAnnotate, KafkaConnection kafka, Path work)
            throws Exception {
        Topics topics = new Topics(settings.topicPrefix());
        // One partition per topic: every stage then sees all cameras in capture-time order,
        // as it would with live cameras, instead of one camera racing ahead of another.
        TopicAdmin.ensure(kafka, topics, 1, (short) -1);
        MatcherConfig matcherConfig = MatcherConfig.defaults(work.resolve("matcher-state"))
                .withTracker(settings.matcher().tracker())
                .withLinker(settings.matcher().linker(), settings.topology());
        int cameras = feeds.stream().mapToInt(f -> f.views().size()).sum();
        Path jsonl = settings.out().resolve("identities.jsonl");

        List<Thread> threads = new ArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "run-progress"));
        try (IdentityCollector collector = new IdentityCollector(kafka, topics, jsonl,
                seq -> settings.annotations() > 0 && toAnnotate.contains(seq), settings.keepEmbeddings());
             DetectorStage detectorStage = Stages.detectorStage(topics, settings.detection());
             StageLoop detector = Stages.detector(kafka, topics, detectorStage);
             StageLoop embedder = Stages.embedder(kafka, topics, embedderConfig());
             ModelCropEmbedder searchModel = consolePort >= 0 ? ModelCropEmbedder.open(settings.reidModel()) : null;
             MatcherInstance queryable = consolePort >= 0 ? MatcherInstance.create(kafka, topics, matcherConfig,
                     HttpAccess.LOOPBACK, 0, searchModel, HttpAccess.LOCAL) : null;
             KafkaStreams matcher = queryable != null ? queryable.streams() : Stages.matcher(kafka, topics, matcherConfig);
             PipelineLag lag = new PipelineLag(kafka);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("run-ingest"))) {
            String detectorModel = detectorStage.modelId();
            say("detector " + detectorModel + (settings.reidModel() != null ? ", re-ID model " + settings.reidModel() : ""));
            threads.add(start(collector, "collector"));
            threads.add(start(detector, "detector"));
            threads.add(start(embedder, "embedder"));
            matcher.start();
            // files are ingested far faster than the stages go: keep enough frames for their identities to catch up
            ConsoleServer console = consolePort < 0 ? null : ConsoleServer.start(kafka, topics,
                    new ConsoleSettings(queryable.url(), null, HttpAccess.LOCAL, consolePort, RUN_KEPT_FRAMES),
                    health(matcher, threads));
            if (console != null) {
                say("console at " + console.url());
            }
            FramePublisher publisher = new FramePublisher(producer, topics, 90);
            long startNanos = System.nanoTime();
            ticker.scheduleAtFixedRate(() -> say(String.format(
                    "[%3ds] ingested %d camera frames, detected %d, embedded %d, identity events %d (identities %d)",
                    (System.nanoTime() - startNanos) / 1_000_000_000L, publisher.published(), detector.processed(),
                    embedder.processed(), collector.events(), collector.identities())), 3, 3, TimeUnit.SECONDS);

            if (publisher.publishAll(feeds, settings.realtime()) == 0) {
                throw new IOException("the sources gave no frames in the requested range");
            }
            if (publisher.failed() > 0) {
                throw new IOException(publisher.failed() + " of " + publisher.published() + " camera frames were not "
                        + "acknowledged by Kafka at " + kafka + ", so the results would miss them");
            }
            say("ingest done, " + publisher.acknowledged() + " camera frames acknowledged; waiting for the stages to finish");
            awaitDrained(topics, matcherConfig, lag, collector, matcher);
            ticker.shutdownNow();
            int mot = MotResults.write(jsonl, settings.out().resolve("mot"));
            int annotated = annotate(collector);
            say("wrote " + jsonl + ", " + mot + " MOTChallenge result files in " + settings.out().resolve("mot")
                    + " and " + annotated + " annotated frames");
            if (settings.harvestInto() != null) {
                HarvestDump.Result stored = HarvestDump.into(kafka, topics, settings.harvestInto());
                say("stored " + stored.stored() + " of " + stored.read() + " harvested crops in " + settings.harvestInto());
            }
            RunStats stats = new RunStats(detector.processed(), detector.busyNanos(), embedder.processed(),
                    embedder.busyNanos(), collector.detections(), System.nanoTime() - startNanos,
                    collector.latency().percentile(50), collector.latency().percentile(99), collector.latency().count(),
                    collector.modelVersion(), detectorModel, collector.latency().values());
            RunResult result = new RunResult(cameras, publisher.acknowledged(), collector.detections(), collector.tracks(),
                    collector.identities(), collector.crossCameraLinks(), collector.events(), settings.out(), stats,
                    collector.embeddings(), collector.harvest());
            if (console != null) {
                try (console) {
                    served.drained(console.url(), result);
                }
            }
            return result;
        } finally {
            ticker.shutdownNow();
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
    }

    /** The demo's health: live while every stage runs, ready once the matcher has its tasks. */
    private static Health health(KafkaStreams matcher, List<Thread> stages) {
        return new Health(() -> stages.stream().allMatch(Thread::isAlive) && matcher.state() != KafkaStreams.State.ERROR,
                () -> matcher.state() == KafkaStreams.State.RUNNING);
    }

    private EmbedderConfig embedderConfig() {
        EmbedderConfig d = EmbedderConfig.defaults();
        return settings.reidModel() == null ? d : d.withModel(settings.reidModel());
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
            long seq = Long.parseLong(cameraAndSeq[1]);
            Path png = settings.out().resolve(String.format("frame-%s-%04d.png", cameraAndSeq[0], seq));
            FrameAnnotator.write(frame.getValue(), collector.eventsOf(cameraAndSeq[0], seq), png, settings.blurPeople());
            written++;
        }
        return written;
    }

    private void say(String line) {
        progress.println(settings.command() + ": " + line);
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = daemon(task, name);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
