package io.crossview.deploy.cli;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.kafka.KafkaSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command reaches an existing Kafka cluster: its address and its client settings. */
public final class ConnectionOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: bootstrap.servers of --kafka-config, else "
                    + KafkaSettings.DEFAULT_BOOTSTRAP + ")")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*) for every client of this"
                    + " command; CROSSVIEW_KAFKA_* environment variables override them")
    Path kafkaConfig;

    private KafkaConnection connection;

    public KafkaConnection connection() {
        if (connection == null) {
            connection = KafkaSettings.load(bootstrap, kafkaConfig);
        }
        return connection;
    }
}
