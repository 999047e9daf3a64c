package io.crossview.deploy.cli;

import io.crossview.common.topics.Topic;
import io.crossview.common.topics.Topics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code crossview topics}: creates the missing CrossView topics, as a deployment's init job. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create the CrossView topics that are missing, with their settings and the cluster's replication "
                + "(an init job before the stages start); existing topics are left as they are.")
public final class TopicsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        Topics topics = kafka.ensureTopics();
        for (Topic<?> topic : topics.all()) {
            System.out.println("topics: " + topic.name() + " " + topic.configs());
        }
        System.out.println("topics: ready at " + kafka.connection());
        return 0;
    }
}
