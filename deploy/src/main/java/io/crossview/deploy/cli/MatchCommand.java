package io.crossview.deploy.cli;

import io.crossview.common.topics.Topics;
import io.crossview.deploy.metrics.Health;
import io.crossview.deploy.metrics.ManagementServer;
import io.crossview.deploy.query.MatcherInstance;
import io.crossview.deploy.query.ModelCropEmbedder;
import io.crossview.deploy.stages.Stages;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherFile;
import io.crossview.matcher.linking.SiteTopology;
import io.crossview.matcher.query.HttpAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview match}: runs the matcher (Kafka Streams) until Ctrl-C or SIGTERM. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Track per camera and link identities across cameras (Kafka Streams).")
public final class MatchCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--state-dir", defaultValue = ".crossview/matcher", description = "RocksDB state (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--standby-replicas", defaultValue = "0",
            description = "Warm copies of each state store on other matcher instances (default: ${DEFAULT-VALUE})")
    int standbyReplicas;

    @Option(names = "--instance-id", paramLabel = "NAME",
            description = "A stable name for this instance: restarted under the same name it takes its work back at once")
    String instanceId;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Matcher YAML: a linker: section (thresholds, evidence, prototypes, transit learning) and a topology: section")
    Path configFile;

    @Option(names = "--topology", paramLabel = "FILE",
            description = "Camera topology (overlaps, connections with transit seconds), e.g. the topology.yaml of crossview synth")
    Path topologyFile;

    @Option(names = "--http-port", defaultValue = "7070", paramLabel = "PORT",
            description = "Port of the query API (timelines, camera tracks, search); 0 turns it off (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--advertised-host", paramLabel = "HOST",
            description = "Where the other matcher instances reach this one's query API (default: --http-host, or"
                    + " this machine's name when that is 0.0.0.0)")
    String advertisedHost;

    @Mixin
    HttpOptions http;

    @Mixin
    ManagementOptions management;

    @Option(names = "--search-model", paramLabel = "M.onnx",
            description = "Re-ID model that embeds the pictures POSTed to /search: the embedders' model (default: the built-in one)")
    Path searchModel;

    @Override
    public Integer call() throws Exception {
        MatcherConfig config = configured(MatcherConfig.defaults(stateDir).withInstance(standbyReplicas, instanceId),
                configFile, topologyFile);
        HttpAccess access = httpPort == 0 ? null : http.access(); // a refused setting before any connection
        HttpAccess metricsAccess = management.access();
        Topics topics = kafka.ensureTopics();
        ModelCropEmbedder embedder = httpPort == 0 ? null : ModelCropEmbedder.open(searchModel);
        MatcherInstance queryable = httpPort == 0 ? null : MatcherInstance.create(kafka.connection(), topics, config,
                advertisedHost != null ? advertisedHost : http.advertisedHost(), httpPort, embedder, access);
        KafkaStreams streams = queryable != null ? queryable.streams() : Stages.matcher(kafka.connection(), topics, config);
        CountDownLatch failed = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                failed.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (queryable != null) {
                queryable.close(Duration.ofSeconds(30));
                embedder.close();
            } else {
                streams.close(Duration.ofSeconds(30));
            }
        }, "match-shutdown"));
        ManagementServer server = management.start("match", ManagementOptions.MATCH, health(streams), metricsAccess);
        streams.start();
        HealthFile.keepFresh(() -> streams.state().isRunningOrRebalancing());
        System.out.println("match: running against " + kafka.connection()
                + (queryable != null ? "; queries at " + queryable.url() + " on " + access : "")
                + (server != null ? "; metrics and health on port " + server.port() : "") + "; Ctrl-C stops");
        failed.await();
        throw new IllegalStateException("the matcher stopped after an error (see the log above)");
    }

    /** Live until it fails; ready while it runs with its tasks assigned (not while restoring or rebalancing). */
    static Health health(KafkaStreams streams) {
        return new Health(() -> streams.state() != KafkaStreams.State.ERROR
                && streams.state() != KafkaStreams.State.PENDING_ERROR,
                () -> streams.state() == KafkaStreams.State.RUNNING);
    }

    /** The config with a matcher file's settings, then a topology file's topology, where given. */
    static MatcherConfig configured(MatcherConfig config, Path file, Path topology) throws java.io.IOException {
        MatcherConfig out = file == null ? config : MatcherFile.load(file).applyTo(config);
        return topology == null ? out : out.withLinker(out.linker(), SiteTopology.load(topology));
    }
}
