package io.crossview.deploy.cli;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a stage finds Kafka, how it talks to it, and which topic namespace it uses. */
public final class KafkaOptions {
    @Mixin
    ConnectionOptions cluster = new ConnectionOptions();

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of every topic name, to run several pipelines side by side (default: none)")
    public String topicPrefix;

    @Option(names = "--partitions", defaultValue = "4",
            description = "Partitions of topics this stage creates when they are missing (default: ${DEFAULT-VALUE})")
    public int partitions;

    public KafkaConnection connection() {
        return cluster.connection();
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /** Stages may start in any order, so each one creates the namespace's topics if missing. */
    public Topics ensureTopics() {
        Topics topics = topics();
        TopicAdmin.ensure(connection(), topics, partitions, (short) -1);
        return topics;
    }
}
