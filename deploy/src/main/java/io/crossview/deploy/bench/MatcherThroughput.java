package io.crossview.deploy.bench;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.stages.PipelineLag;
import io.crossview.deploy.stages.Stages;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherTopology;
import io.crossview.matcher.tracking.CameraTracker;
import io.crossview.matcher.tracking.TrackerParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How fast the matcher topology turns embeddings into identity events when nothing else runs:
 * a run's embeddings, already on a fresh embedded broker, read as fast as the matcher can
 * (exactly once, RocksDB, changelogs; the cameras copied {@value #COPIES} times into one site),
 * against the bare per-camera tracker on the same frames
 * in the same process (the algorithm without Kafka Streams).
 */
final class MatcherThroughput {
    private MatcherThroughput() {
    }

    /** Matcher figures: frames/s and events/s through the topology, bare tracker frames/s, their ratio. */
    record Figures(long frames, long events, double topologySeconds, double framesPerSecond, double eventsPerSecond,
                   double bareTrackerFramesPerSecond) {
    }

    /** Copies of the run's cameras fed at once, so the measurement lasts long enough to mean something. */
    static final int COPIES = 5;

    /**
     * Two settings measured in turn, {@code repeats} times each, and the run of median speed of
     * each. On two cores one run's speed varies by a third, and the JIT keeps warming over the
     * first runs: so one discarded warm-up run of each, then the order alternates (a b, b a, ...)
     * so neither setting always runs on the colder JVM.
     */
    static List<Figures> compare(List<FrameEmbeddings> run, io.crossview.matcher.MatcherFile a,
                                 io.crossview.matcher.MatcherFile b, int repeats) throws Exception {
        return compare(run, new Variant(a, true), new Variant(b, true), repeats);
    }

    /** A setting of the matcher, with its meters on a Prometheus registry or on none. */
    record Variant(io.crossview.matcher.MatcherFile settings, boolean metered) {
    }

    static List<Figures> compare(List<FrameEmbeddings> run, Variant a, Variant b, int repeats) throws Exception {
        List<Figures> ofA = new java.util.ArrayList<>();
        List<Figures> ofB = new java.util.ArrayList<>();
        measure(run, a);
        measure(run, b);
        for (int i = 0; i < repeats; i++) {
            if (i % 2 == 0) {
                ofA.add(measure(run, a));
                ofB.add(measure(run, b));
            } else {
                ofB.add(measure(run, b));
                ofA.add(measure(run, a));
            }
        }
        return List.of(median(ofA), median(ofB));
    }

    private static Figures median(List<Figures> runs) {
        List<Figures> sorted = new java.util.ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Figures::framesPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    static Figures measure(List<FrameEmbeddings> run) throws Exception {
        return measure(run, io.crossview.matcher.MatcherFile.DEFAULTS);
    }

    /** As {@link #measure(List)} with these settings (the bench's same-run baseline turns re-assignment off). */
    static Figures measure(List<FrameEmbeddings> run, io.crossview.matcher.MatcherFile settings) throws Exception {
        return measure(run, new Variant(settings, true));
    }

    private static Figures measure(List<FrameEmbeddings> run, Variant variant) throws Exception {
        io.crossview.matcher.MatcherFile settings = variant.settings();
        List<FrameEmbeddings> embeddings = new java.util.ArrayList<>();
        for (FrameEmbeddings frame : run) {
            for (int copy = 0; copy < COPIES; copy++) {
                String camera = frame.getFrame().getCamera() + (copy == 0 ? "" : "-copy" + copy);
                embeddings.add(frame.toBuilder().setFrame(frame.getFrame().toBuilder().setCamera(camera)).build());
            }
        }
        double bare = bareTracker(embeddings);
        Path dir = Files.createTempDirectory("crossview-matcher-bench-");
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            Topics topics = new Topics("mb.");
            TopicAdmin.ensure(broker.connection(), topics, 1, (short) -1);
            try (KafkaProducer<String, FrameEmbeddings> producer = new KafkaProducer<>(
                    broker.connection().producer("matcher-bench"),
                    new org.apache.kafka.common.serialization.StringSerializer(), WireSerdes.EMBEDDINGS.serializer())) {
                for (FrameEmbeddings frame : embeddings) {
                    producer.send(new ProducerRecord<>(topics.embeddings().name(), frame.getFrame().getCamera(), frame));
                }
            }
            MatcherConfig config = MatcherConfig.defaults(dir.resolve("state")).withTracker(settings.tracker())
                    .withLinker(settings.linker(), io.crossview.matcher.linking.SiteTopology.NONE);
            String group = topics.prefix() + config.applicationId();
            List<String> inputs = List.of(topics.embeddings().name(),
                    group + "-" + MatcherTopology.TRACKLETS_BY_SITE + "-repartition");
            long start;
            try (KafkaStreams matcher = variant.metered() ? Stages.matcher(broker.connection(), topics, config)
                    : new KafkaStreams(MatcherTopology.build(topics, config),
                            MatcherTopology.streamsConfig(broker.connection(), topics, config));
                 PipelineLag lag = new PipelineLag(broker.connection())) {
                matcher.start();
                while (matcher.state() != KafkaStreams.State.RUNNING) {
                    if (matcher.state() == KafkaStreams.State.ERROR) {
                        throw new IllegalStateException("the matcher failed to start during the benchmark");
                    }
                    Thread.sleep(10);
                }
                // from the first assignment on: start-up and the first rebalance are not the topology's speed
                start = System.nanoTime();
                while (!drained(lag, group, inputs, broker.connection(), topics)) {
                    if (matcher.state() == KafkaStreams.State.ERROR) {
                        throw new IllegalStateException("the matcher failed during the benchmark");
                    }
                    Thread.sleep(50);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long events = TopicAdmin.records(broker.connection(), topics.identities().name());
            return new Figures(embeddings.size(), events, seconds, embeddings.size() / seconds, events / seconds, bare);
        } finally {
            Utils.delete(dir.toFile());
        }
    }

    private static boolean drained(PipelineLag lag, String group, List<String> inputs, KafkaConnection kafka, Topics topics) {
        try {
            return lag.lag(group, inputs) == 0 && TopicAdmin.records(kafka, topics.identities().name()) > 0;
        } catch (RuntimeException e) {
            // the repartition topic appears only once the matcher has started
            return false;
        }
    }

    /** Frames per second of the tracker alone: one warm-up pass, then passes for at least a second. */
    private static double bareTracker(List<FrameEmbeddings> embeddings) {
        CameraTracker tracker = new CameraTracker(TrackerParams.defaults());
        trackAll(tracker, embeddings);
        long frames = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            trackAll(tracker, embeddings);
            frames += embeddings.size();
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    private static void trackAll(CameraTracker tracker, List<FrameEmbeddings> embeddings) {
        Map<String, CameraTracks> state = new HashMap<>();
        for (FrameEmbeddings frame : embeddings) {
            String camera = frame.getFrame().getCamera();
            state.put(camera, tracker.step(state.getOrDefault(camera, CameraTracks.getDefaultInstance()), frame).state());
        }
    }
}
