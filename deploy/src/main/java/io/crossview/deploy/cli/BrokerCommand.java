package io.crossview.deploy.cli;

import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded single-node KRaft broker on its own until Ctrl-C or SIGTERM. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node KRaft Kafka broker with the CrossView topics.")
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--data-dir", defaultValue = ".crossview/broker", description = "Log directory (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of the topics to create (default: none)")
    String topicPrefix;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of each new topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Override
    public Integer call() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(port, dataDir);
        TopicAdmin.ensure(broker.connection(), new Topics(topicPrefix), partitions, (short) 1);
        System.out.println("broker: bootstrap=" + broker.bootstrap() + " data-dir=" + dataDir.toAbsolutePath());
        System.out.flush();
        Shutdown.awaitSignal(() -> {
            broker.close();
            System.out.println("broker: stopped");
            System.out.flush();
        });
        return 0;
    }
}
