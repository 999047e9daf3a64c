package io.crossview.deploy.cli;

import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import picocli.CommandLine.Option;

/** Where a stage finds Kafka and which topic namespace it uses. */
public final class KafkaOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    public String bootstrap;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of every topic name, to run several pipelines side by side (default: none)")
    public String topicPrefix;

    @Option(names = "--partitions", defaultValue = "4",
            description = "Partitions of topics this stage creates when they are missing (default: ${DEFAULT-VALUE})")
    public int partitions;

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /** Stages may start in any order, so each one creates the namespace's topics if missing. */
    public Topics ensureTopics() {
        Topics topics = topics();
        TopicAdmin.ensure(bootstrap, topics, partitions, (short) -1);
        return topics;
    }
}
