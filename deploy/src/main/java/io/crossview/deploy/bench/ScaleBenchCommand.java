package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.cli.ExternalKafkaOptions;
import io.crossview.deploy.run.Feeds;
import io.crossview.deploy.stages.ConsumerGroups;
import io.crossview.deploy.stages.StageGroups;
import io.crossview.deploy.synth.EvalSources;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.publish.FramePublisher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench scale}: detector and embedder throughput with one and with more
 * instances per consumer group, each instance a process of its own, on the same recorded
 * input; the ratio to one instance in the same run shows what scale-out buys on this machine.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Fill a frames topic with the synthetic world, then let 1, 2, ... detector processes and "
                + "then as many embedder processes work through it as one consumer group each; print frames/s, the "
                + "ratio to one instance and the cores used, then one JSON document."})
public final class ScaleBenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--instances", split = ",", defaultValue = "1,2", description = "Instance counts to measure (default: ${DEFAULT-VALUE})")
    int[] instances;

    @Option(names = "--cameras", defaultValue = "8", description = "Synthetic cameras (default: ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds of video per camera (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the bench topics (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--detector", defaultValue = "nanodet", description = "What each detect process runs, as "
            + "crossview detect --detector (default: ${DEFAULT-VALUE})")
    String detector;

    @Mixin
    ExternalKafkaOptions cluster;

    @Option(names = "--json", description = "Print only the JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (cameras < 1 || seconds < 1 || partitions < 1 || Arrays.stream(instances).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--cameras, --seconds, --partitions and every --instances must be >= 1");
        }
        EvalSources.register();
        PrintStream out = json ? new PrintStream(PrintStream.nullOutputStream()) : System.out;
        ObjectNode root = JSON.createObjectNode();
        root.putObject("machine").put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", System.getProperty("java.version"));
        root.put("cameras", cameras).put("frames_per_camera", seconds * 10).put("partitions", partitions)
                .put("detector", detector).put("embedder", "built-in appearance model");
        Path work = Files.createTempDirectory("crossview-bench-scale-");
        KafkaConnection external = cluster.external();
        ArrayNode rows = root.putArray("runs");
        try (EmbeddedBroker broker = external == null ? EmbeddedBroker.start(0, work.resolve("broker")) : null) {
            KafkaConnection kafka = broker != null ? broker.connection() : external;
            root.put("broker", broker != null ? "embedded, in the bench process" : kafka.toString());
            out.println("bench scale: " + cameras + " cameras x " + seconds * 10 + " frames over " + partitions
                    + " partitions, broker " + root.get("broker").asText() + "; stage logs in " + work);
            out.println(" stage     instances  frames/s  ratio  seconds  instance cores  bench+broker cores");
            double[] single = new double[2];
            for (int n : instances) {
                Topics topics = new Topics("bench-scale-" + n + ".");
                TopicAdmin.ensure(kafka, topics, partitions, (short) -1);
                long frames = fill(kafka, topics);
                List<String> connection = cluster.asArguments(kafka);
                GroupThroughput.Result detect = GroupThroughput.measure(kafka, StageGroups.detector(topics),
                        topics.frames().name(), frames, n, command("detect", connection, topics, "--detector", detector,
                                "--threads", "1", "--cpu"), work);
                GroupThroughput.Result embed = GroupThroughput.measure(kafka, StageGroups.embedder(topics),
                        topics.detections().name(), frames, n, command("embed", connection, topics, "--no-watch",
                                "--intra-op-threads", "1", "--provider", "cpu"), work);
                if (single[0] == 0) {
                    single[0] = detect.recordsPerSecond();
                    single[1] = embed.recordsPerSecond();
                }
                rows.add(row(out, "detector", detect, single[0]));
                rows.add(row(out, "embedder", embed, single[1]));
            }
        } finally {
            Utils.delete(work.toFile());
        }
        System.out.println(JSON.writeValueAsString(root));
        return 0;
    }

    private static ObjectNode row(PrintStream out, String stage, GroupThroughput.Result r, double single) {
        double ratio = r.recordsPerSecond() / single;
        out.printf(Locale.ROOT, " %-8s  %9d  %8.1f  %5.2f  %7.1f  %14.2f  %18.2f%n", stage, r.instances(),
                r.recordsPerSecond(), ratio, r.seconds(), r.instanceCores(), r.benchCores());
        ObjectNode row = JSON.createObjectNode();
        row.put("stage", stage).put("instances", r.instances())
                .put("frames_per_s", IngestBenchCommand.round(r.recordsPerSecond()))
                .put("ratio_to_first", IngestBenchCommand.round(ratio))
                .put("seconds", IngestBenchCommand.round(r.seconds()))
                .put("instance_cores", IngestBenchCommand.round(r.instanceCores()))
                .put("bench_and_broker_cores", IngestBenchCommand.round(r.benchCores()));
        return row;
    }

    private static List<String> command(String stage, List<String> connection, Topics topics, String... options) {
        List<String> command = new ArrayList<>(List.of(stage));
        command.addAll(connection);
        command.addAll(List.of("--topic-prefix", topics.prefix()));
        command.addAll(List.of(options));
        return command;
    }

    /** Publishes the synthetic world's frames as fast as they encode; returns how many Kafka acknowledged. */
    private long fill(KafkaConnection kafka, Topics topics) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("bench-scale-fill"));
             Feeds feeds = Feeds.open(spreadCameras())) {
            FramePublisher publisher = new FramePublisher(producer, topics, 90);
            publisher.publishAll(feeds.list(), false);
            if (publisher.failed() > 0) {
                throw new IllegalStateException(publisher.failed() + " frames were not acknowledged by " + kafka);
            }
            return publisher.acknowledged();
        }
    }

    /** The synthetic world's cameras under ids that spread evenly over the partitions. */
    private List<CameraConfig> spreadCameras() {
        List<String> ids = ConsumerGroups.spreadCameraIds(cameras, partitions);
        List<CameraConfig> configs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            configs.add(CameraConfig.of(ids.get(i), "synth://cam" + (i + 1) + "?seed=3&cameras=" + cameras
                    + "&people=" + 2 * cameras + "&seconds=" + seconds, 10));
        }
        return configs;
    }
}
