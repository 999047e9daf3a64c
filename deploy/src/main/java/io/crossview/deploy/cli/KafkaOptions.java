package io.crossview.deploy.cli;

import io.crossview.common.topics.Topics;
import picocli.CommandLine.Option;

/** Where a stage finds Kafka and which topic namespace it uses. */
public final class KafkaOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", required = true,
            description = "Kafka bootstrap servers, for example 127.0.0.1:9092")
    public String bootstrap;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of every topic name, to run several pipelines side by side (default: none)")
    public String topicPrefix;

    public Topics topics() {
        return new Topics(topicPrefix);
    }
}
