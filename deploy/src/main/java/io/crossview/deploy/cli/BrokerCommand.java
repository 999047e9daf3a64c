package io.crossview.deploy.cli;

import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.ClusterNode;
import io.crossview.deploy.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the embedded KRaft broker on its own until Ctrl-C or SIGTERM: a single-node cluster with
 * the CrossView topics, or, with {@code --voters}, one node of a cluster ({@code crossview
 * cluster up} starts those).
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node KRaft Kafka broker with the CrossView topics.",
            "With --node-id, --cluster-id, --voters and --controller-port: one node of a multi-node cluster "
                + "(topics are then created by 'crossview cluster up' or by the stages)."})
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--data-dir", defaultValue = ".crossview/broker", description = "Log directory (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of the topics to create (default: none)")
    String topicPrefix;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of each new topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--node-id", defaultValue = "1", description = "This node's id in --voters (default: ${DEFAULT-VALUE})")
    int nodeId;

    @Option(names = "--cluster-id", paramLabel = "ID", description = "Cluster id, the same on every node (a Kafka UUID)")
    String clusterId;

    @Option(names = "--voters", paramLabel = "ID@HOST:PORT,...", description = "Controller listener of every node: makes this broker one node of that cluster")
    String voters;

    @Option(names = "--controller-port", defaultValue = "0", description = "This node's controller port, as in --voters")
    int controllerPort;

    @Override
    public Integer call() throws Exception {
        if (voters != null) {
            EmbeddedBroker node = EmbeddedBroker.start(new ClusterNode(nodeId, clusterId, port, controllerPort, voters), dataDir);
            System.out.println("broker: node " + nodeId + " of cluster " + clusterId + ", bootstrap=" + node.bootstrap()
                    + " data-dir=" + dataDir.toAbsolutePath());
            return runUntilSignal(node);
        }
        if (clusterId != null) {
            throw new IllegalArgumentException("--cluster-id needs --voters (the controllers of every node)");
        }
        EmbeddedBroker broker = EmbeddedBroker.start(port, dataDir);
        TopicAdmin.ensure(broker.connection(), new Topics(topicPrefix), partitions, (short) 1);
        System.out.println("broker: bootstrap=" + broker.bootstrap() + " data-dir=" + dataDir.toAbsolutePath());
        return runUntilSignal(broker);
    }

    private static int runUntilSignal(EmbeddedBroker broker) throws InterruptedException {
        System.out.flush();
        Shutdown.awaitSignal(() -> {
            broker.close();
            System.out.println("broker: stopped");
            System.out.flush();
        });
        return 0;
    }
}
