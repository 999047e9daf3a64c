package io.crossview.deploy.bench;

import io.crossview.deploy.cli.ExternalKafkaOptions;
import io.crossview.common.kafka.KafkaConnection;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.config.IngestSettings;
import io.crossview.ingest.live.CameraReport;
import io.crossview.ingest.live.LiveIngest;
import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.publish.StageTimes.Step;
import io.crossview.ingest.source.Sources;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench ingest}: how many live 10 fps cameras one ingest process sustains,
 * stepping the camera count up through the embedded broker, with the CPU per frame split
 * into decode, resize, encode and produce, against a bare decode-and-encode loop measured
 * in the same run.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Step up the number of live cameras (vtest.avi looping, paced like a camera) through one ingest "
                + "process and the embedded broker; print per step the frame rate sustained, drops, CPU per frame "
                + "(decode, resize, encode, produce) and memory, then one JSON document."})
public final class IngestBenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--steps", split = ",", defaultValue = "1,2,4,8,16,24,32,40,48,56,64,80,96",
            description = "Camera counts to try, in order; stops after the first not sustained (default: ${DEFAULT-VALUE})")
    int[] steps;

    @Option(names = "--seconds", defaultValue = "15", description = "Measured seconds per step (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Seconds per step before measuring (default: ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--fps", defaultValue = "10", description = "Frame rate of each camera (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--jpeg-quality", defaultValue = "90", description = "JPEG quality (default: ${DEFAULT-VALUE})")
    int quality;

    @Option(names = "--max-width", defaultValue = "0", description = "Scale pictures down to this width (0: keep 768x576)")
    int maxWidth;

    @Option(names = "--video", paramLabel = "PATH", description = "Source video (default: vtest.avi, 768x576)")
    Path video;

    @Mixin
    ExternalKafkaOptions cluster;

    @Option(names = "--json", description = "Print only the JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 || warmup < 0 || Arrays.stream(steps).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--seconds must be > 0, --warmup >= 0 and every step >= 1");
        }
        Path source = video != null ? video : SampleVideo.vtest();
        PrintStream out = json ? new PrintStream(PrintStream.nullOutputStream()) : System.out;
        ObjectNode root = JSON.createObjectNode();
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        root.put("video", source.getFileName().toString()).put("fps", fps).put("jpeg_quality", quality)
                .put("max_width", maxWidth).put("seconds_per_step", seconds);

        BareEncode.Result bare = BareEncode.measure(source, quality, maxWidth, 10);
        root.putObject("baseline_bare_decode_encode").put("frames", bare.frames())
                .put("decode_ms", round(bare.decodeMs())).put("resize_ms", round(bare.resizeMs()))
                .put("encode_ms", round(bare.encodeMs())).put("frames_per_core_s", round(bare.framesPerCoreSecond()));
        out.printf(Locale.ROOT, "bench ingest: baseline, one thread decoding and encoding as fast as it can: "
                        + "decode %.2f ms + resize %.2f ms + encode %.2f ms per frame = %.0f frames/s per core%n",
                bare.decodeMs(), bare.resizeMs(), bare.encodeMs(), bare.framesPerCoreSecond());

        Path work = Files.createTempDirectory("crossview-bench-ingest-");
        ArrayNode rows = root.putArray("steps");
        int sustainedCameras = 0;
        boolean allSustained = true;
        KafkaConnection external = cluster.external();
        try (EmbeddedBroker broker = external == null ? EmbeddedBroker.start(0, work.resolve("broker")) : null) {
            KafkaConnection kafka = broker != null ? broker.connection() : external;
            root.put("broker", broker != null ? "embedded, in this process" : kafka.toString());
            out.println(" cams  target/s  sent/s  sustained  dropped  decode  resize  encode  produce  ms CPU/frame  "
                    + "ingest cores  process cores  RSS MiB");
            for (int cameras : steps) {
                ObjectNode row = step(kafka, work, source, cameras);
                rows.add(row);
                boolean ok = row.get("sustained").asBoolean();
                out.printf(Locale.ROOT, "%5d  %8.0f  %6.1f  %9s  %7d  %6.2f  %6.2f  %6.2f  %7.2f  %12.2f  %12.2f  %13.2f  %7.0f%n",
                        cameras, row.get("target_fps").asDouble(), row.get("sent_fps").asDouble(), ok ? "yes" : "no",
                        row.get("dropped").asLong(), row.get("cpu_ms_per_frame").get("decode").asDouble(),
                        row.get("cpu_ms_per_frame").get("resize").asDouble(),
                        row.get("cpu_ms_per_frame").get("encode").asDouble(),
                        row.get("cpu_ms_per_frame").get("produce").asDouble(),
                        row.get("cpu_ms_per_frame").get("total").asDouble(), row.get("ingest_cores").asDouble(),
                        row.get("process_cores").asDouble(), row.get("rss_mib").asDouble());
                if (!ok) {
                    allSustained = false;
                    break;
                }
                sustainedCameras = cameras;
            }
        } finally {
            Utils.delete(work.toFile());
        }
        root.put("sustained_cameras", sustainedCameras);
        root.put("peak_rss_mib", round(PeakMemory.residentMiB()));
        out.println("bench ingest: one process sustained " + sustainedCameras + " cameras of " + Math.round(fps)
                + " fps (" + (allSustained ? "every step: try larger --steps" : "the next step was not") + ")");
        System.out.println(JSON.writeValueAsString(root));
        return 0;
    }

    /** One step: {@code cameras} looping cameras through a fresh topic namespace. */
    private ObjectNode step(KafkaConnection kafka, Path work, Path source, int cameras) throws Exception {
        Topics topics = new Topics("bench-ingest-" + cameras + ".");
        TopicAdmin.ensure(kafka, topics, Math.min(cameras, 8), (short) -1);
        List<CameraConfig> configs = new ArrayList<>();
        for (int i = 1; i <= cameras; i++) {
            configs.add(new CameraConfig("cam" + i, "bench", source.toString(), fps, maxWidth, 0, quality, true, true,
                    null));
        }
        IngestSettings settings = IngestSettings.DEFAULT.withStateDir(work.resolve("state-" + cameras));
        String clientId = "bench-ingest-" + cameras;
        Map<String, Object> config = kafka.producer(clientId);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2 * settings.maxInFlightBytes());
        StageTimes times = new StageTimes();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config);
             LiveIngest ingest = LiveIngest.start(configs, settings, producer, topics, status -> { }, Sources::open,
                     times, System::currentTimeMillis)) {
            Thread.sleep(Math.round(warmup * 1000));
            Snapshot start = Snapshot.take(ingest, times, clientId);
            Thread.sleep(Math.round(seconds * 1000));
            Snapshot end = Snapshot.take(ingest, times, clientId);
            return end.minus(start).toJson(JSON.createObjectNode(), cameras, fps);
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Counters at one moment of a step. */
    private record Snapshot(long nanos, long processCpu, long networkCpu, long frames, long published, long dropped,
                            long[] steps) {
        static Snapshot take(LiveIngest ingest, StageTimes times, String clientId) {
            List<CameraReport> cameras = ingest.cameras();
            long[] steps = new long[Step.values().length];
            for (Step s : Step.values()) {
                steps[s.ordinal()] = times.nanos(s);
            }
            return new Snapshot(System.nanoTime(), ProcessCpu.nanos(), ProcessCpu.threadsNamed(
                    "kafka-producer-network-thread | " + clientId), times.frames(),
                    cameras.stream().mapToLong(CameraReport::published).sum(),
                    cameras.stream().mapToLong(CameraReport::dropped).sum(), steps);
        }

        Snapshot minus(Snapshot o) {
            long[] d = new long[steps.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = steps[i] - o.steps[i];
            }
            return new Snapshot(nanos - o.nanos, processCpu - o.processCpu, networkCpu - o.networkCpu,
                    frames - o.frames, published - o.published, dropped - o.dropped, d);
        }

        ObjectNode toJson(ObjectNode row, int cameras, double fps) {
            double wall = nanos / 1e9;
            double target = cameras * fps;
            double sent = published / wall;
            long n = Math.max(1, frames);
            double decode = steps[Step.DECODE.ordinal()] / 1e6 / n;
            double resize = steps[Step.RESIZE.ordinal()] / 1e6 / n;
            double encode = steps[Step.ENCODE.ordinal()] / 1e6 / n;
            // produce: serialising and send() on the camera threads, plus the producer's network thread
            double produce = (steps[Step.PRODUCE.ordinal()] + networkCpu) / 1e6 / n;
            double total = decode + resize + encode + produce;
            row.put("cameras", cameras).put("target_fps", target).put("sent_fps", round(sent))
                    .put("sustained", sent >= 0.97 * target && dropped == 0).put("dropped", dropped);
            row.putObject("cpu_ms_per_frame").put("decode", round(decode)).put("resize", round(resize))
                    .put("encode", round(encode)).put("produce", round(produce)).put("total", round(total));
            row.put("ingest_cores", round(total * frames / 1e3 / wall));
            row.put("process_cores", round(processCpu / 1e9 / wall));
            row.put("rss_mib", round(PeakMemory.currentResidentMiB()));
            return row;
        }
    }
}
