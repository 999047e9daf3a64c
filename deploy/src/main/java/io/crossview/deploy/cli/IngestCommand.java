package io.crossview.deploy.cli;

import io.crossview.common.sample.SampleVideo;
import io.crossview.common.topics.Recording;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.ingest.config.CamerasFile;
import io.crossview.ingest.config.IngestSettings;
import io.crossview.ingest.config.Units;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.config.CameraShard;
import io.crossview.ingest.live.CameraReport;
import io.crossview.ingest.live.DropPolicy;
import io.crossview.ingest.live.KafkaStatusSink;
import io.crossview.ingest.live.LiveIngest;
import io.crossview.common.wire.CameraState;
import io.crossview.deploy.metrics.Health;
import io.crossview.matcher.query.HttpAccess;
import io.crossview.deploy.metrics.IngestMeters;
import io.crossview.deploy.metrics.ManagementServer;
import io.crossview.deploy.metrics.ProcessMetrics;
import io.crossview.ingest.publish.FramePublisher;
import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FfmpegSource;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.Sources;
import io.crossview.ingest.timing.SequenceStore;
import io.crossview.ingest.timing.SequenceStore.CameraSequence;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossview ingest}: live cameras of a cameras file (reconnecting, paced, bounded),
 * or one video file imported as fast as it decodes.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publish cameras to the frames topic.",
            "With --cameras: every enabled camera of the file, live, until Ctrl-C (or until every file camera ends).",
            "With --video: one video file, as fast as it decodes."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ManagementOptions management;

    @Option(names = "--cameras", paramLabel = "FILE", description = "Cameras YAML: every enabled camera is published")
    Path cameras;

    @Option(names = "--video", paramLabel = "PATH", description = "One video file (default without --cameras: vtest.avi from opencv-doc)")
    Path video;

    @Option(names = "--camera", defaultValue = "cam1", description = "Camera id for --video (default: ${DEFAULT-VALUE})")
    String camera;

    @Option(names = "--split-halves", description = "With --video: publish the left and right halves as cameras 'left' and 'right'")
    boolean splitHalves;

    @Option(names = "--site", defaultValue = "default", description = "Site of the --video cameras (default: ${DEFAULT-VALUE})")
    String site;

    @Option(names = "--fps", defaultValue = "5", description = "Frames per second sampled from --video (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--jpeg-quality", defaultValue = "90", description = "JPEG quality 1-100 of --video (default: ${DEFAULT-VALUE})")
    int jpegQuality;

    @Option(names = "--drop-policy", paramLabel = "POLICY", description = "drop_oldest or drop_newest when Kafka is slow (overrides the file)")
    String dropPolicy;

    @Option(names = "--queue-frames", paramLabel = "N", description = "Frames each camera may queue while Kafka is slow (overrides the file)")
    Integer queueFrames;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where sequence numbers persist (overrides a cameras file; default ~/.local/state/crossview/ingest)")
    Path stateDir;

    @Option(names = "--retention", paramLabel = "DURATION", description = "Recording window of the frames topic by age, e.g. 24h, 7d (overrides the file)")
    String retention;

    @Option(names = "--retention-bytes", paramLabel = "SIZE", description = "Recording window by size per partition, e.g. 50GiB (overrides the file)")
    String retentionBytes;

    @Option(names = "--shard", paramLabel = "I/N", description = "With --cameras: publish only every Nth camera of the"
            + " file from the Ith on, so that N ingest processes share the cameras (default: all)")
    String shard;

    @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "10s", description = "Progress line interval (default: ${DEFAULT-VALUE})")
    String progressEvery;

    @Override
    public Integer call() throws Exception {
        if (cameras != null) {
            return live();
        }
        if (shard != null) {
            throw new IllegalArgumentException("--shard shares the cameras of a --cameras file");
        }
        Path path = video != null ? video : SampleVideo.vtest();
        List<CameraView> views = splitHalves ? List.of(CameraView.halves("left", "right", site))
                : List.of(CameraView.whole(camera, site));
        SequenceStore store = new SequenceStore(stateDir != null ? stateDir : IngestSettings.DEFAULT_STATE_DIR);
        Map<String, CameraSequence> sequences = new HashMap<>();
        try (FfmpegSource source = FfmpegSource.open(path, fps);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.connection().producer("ingest"))) {
            for (CameraView view : views) {
                sequences.put(view.id(), store.open(view.id()));
            }
            Topics topics = kafka.ensureTopics();
            applyRecording(topics, null);
            // importing the same file twice must not repeat the cameras' sequence numbers
            FramePublisher publisher = new FramePublisher(producer, topics, jpegQuality,
                    (id, frameNumber) -> sequences.get(id).next());
            long frames = publisher.publishAll(source, views, FrameRange.all());
            System.out.println("ingest: published " + publisher.acknowledged() + " camera frames from " + frames
                    + " source frames of " + path + " to " + kafka.topics().frames().name()
                    + (publisher.failed() > 0 ? "; " + publisher.failed() + " frames were NOT acknowledged by Kafka" : ""));
            if (publisher.failed() > 0) {
                return 1;
            }
        } finally {
            for (CameraSequence sequence : sequences.values()) {
                sequence.close();
            }
        }
        return 0;
    }

    private int live() throws Exception {
        CamerasFile.Contents file = CamerasFile.read(cameras);
        CameraShard part = shard == null ? CameraShard.ALL : CameraShard.parse(shard);
        List<CameraConfig> mine = part.of(file.cameras());
        if (mine.isEmpty()) {
            throw new IllegalArgumentException("shard " + part + " of " + cameras + " has no cameras ("
                    + file.cameras().size() + " enabled)");
        }
        IngestSettings settings = overridden(file.ingest());
        HttpAccess metricsAccess = management.access();
        Topics topics = kafka.ensureTopics();
        Recording recording = applyRecording(topics, file.recording());
        Map<String, Object> config = kafka.connection().producer("ingest");
        // the in-flight budget bounds what is handed over, so send() never blocks on buffer memory
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L << 20, 2 * settings.maxInFlightBytes()));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        System.out.println("ingest: " + mine.size() + " cameras" + (shard == null ? "" : " (shard " + part + " of "
                + file.cameras().size() + ")") + " to " + topics.frames().name() + " at "
                + kafka.connection() + "; drop policy " + settings.dropPolicy().label() + ", queue "
                + settings.queueFrames() + " frames per camera" + (recording == null ? "" : ", " + describe(recording))
                + "; Ctrl-C stops");
        long everyMs = Units.millis(progressEvery);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config);
             LiveIngest ingest = LiveIngest.start(mine, settings, producer, topics,
                     new KafkaStatusSink(producer, topics), Sources::open, new StageTimes(), System::currentTimeMillis)) {
            Thread stopper = new Thread(ingest::close, "ingest-shutdown");
            Runtime.getRuntime().addShutdownHook(stopper);
            long start = System.nanoTime();
            HealthFile.keepFresh(() -> true); // cameras reconnect by themselves; the process is the unit
            IngestMeters.bind(ProcessMetrics.registry(), ingest::cameras);
            // ready once every camera has given a picture or ended; live as long as the process
            ManagementServer server = management.start("ingest", ManagementOptions.INGEST, new Health(() -> true,
                    () -> ingest.cameras().stream().noneMatch(c -> c.state() == CameraState.CAMERA_CONNECTING)),
                    metricsAccess);
            while (!ingest.awaitCameras(everyMs)) {
                System.out.println(progress(ingest.cameras(), (System.nanoTime() - start) / 1e9));
            }
            ingest.close();
            if (server != null) {
                server.close();
            }
            System.out.println(progress(ingest.cameras(), (System.nanoTime() - start) / 1e9).replace("ingest: [", "ingest: done ["));
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it closes the same ingest
            }
            return ingest.cameras().stream().allMatch(c -> c.stateLabel().equals("stopped")) ? 0 : 1;
        }
    }

    static String progress(List<CameraReport> cameras, double seconds) {
        Map<String, Long> states = cameras.stream()
                .collect(Collectors.groupingBy(CameraReport::stateLabel, java.util.TreeMap::new, Collectors.counting()));
        long published = cameras.stream().mapToLong(CameraReport::published).sum();
        long dropped = cameras.stream().mapToLong(CameraReport::dropped).sum();
        long failed = cameras.stream().mapToLong(CameraReport::failed).sum();
        return String.format(Locale.ROOT, "ingest: [%4.0fs] %d cameras (%s): %d frames published (%.1f/s), %d dropped, %d not delivered",
                seconds, cameras.size(), states.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")),
                published, seconds > 0 ? published / seconds : 0.0, dropped, failed);
    }

    private IngestSettings overridden(IngestSettings fromFile) {
        IngestSettings s = fromFile;
        if (dropPolicy != null || queueFrames != null) {
            s = s.withQueue(queueFrames != null ? queueFrames : s.queueFrames(),
                    dropPolicy != null ? DropPolicy.parse(dropPolicy) : s.dropPolicy());
        }
        return stateDir != null ? s.withStateDir(stateDir) : s;
    }

    /** The command line wins over the file; with neither, the topic keeps what it has. */
    private Recording applyRecording(Topics topics, Recording fromFile) {
        Recording recording = fromFile;
        if (retention != null || retentionBytes != null) {
            Recording base = fromFile != null ? fromFile : Recording.DEFAULT;
            recording = new Recording(retention != null ? Units.millis(retention) : base.retentionMs(),
                    retentionBytes != null ? Units.bytes(retentionBytes) : base.retentionBytes());
        }
        if (recording != null) {
            TopicAdmin.applyRecording(kafka.connection(), topics, recording);
        }
        return recording;
    }

    private static String describe(Recording r) {
        return "recording " + (r.retentionMs() < 0 ? "kept for ever" : "kept " + r.retentionMs() / 3_600_000.0 + " h")
                + (r.retentionBytes() < 0 ? "" : " or " + r.retentionBytes() / (1 << 20) + " MiB per partition");
    }
}
