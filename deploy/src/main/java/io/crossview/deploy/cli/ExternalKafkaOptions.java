package io.crossview.deploy.cli;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.kafka.KafkaSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** For the commands that start their own embedded broker unless they are pointed at a cluster. */
public final class ExternalKafkaOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of starting an embedded broker")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*) of that cluster; its"
                    + " bootstrap.servers, or CROSSVIEW_KAFKA_BOOTSTRAP_SERVERS, also selects it")
    Path kafkaConfig;

    /** The options that point a child command at the same cluster with the same settings. */
    public List<String> asArguments(KafkaConnection connection) {
        List<String> args = new ArrayList<>(List.of("--bootstrap", connection.bootstrap()));
        if (kafkaConfig != null) {
            args.addAll(List.of("--kafka-config", kafkaConfig.toString()));
        }
        return args;
    }

    /** The cluster to use, or null for an embedded broker. */
    public KafkaConnection external() {
        KafkaConnection connection = KafkaSettings.load(bootstrap, kafkaConfig);
        boolean named = bootstrap != null || kafkaConfig != null
                || !connection.bootstrap().equals(KafkaSettings.DEFAULT_BOOTSTRAP);
        return named ? connection : null;
    }
}
