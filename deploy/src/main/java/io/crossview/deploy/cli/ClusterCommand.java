package io.crossview.deploy.cli;

import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.LocalCluster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossview cluster up}: a multi-broker KRaft cluster on this machine, for trying scale-out and failures. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Local multi-broker Kafka clusters.", subcommands = ClusterCommand.Up.class)
public final class ClusterCommand {
    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Start a KRaft cluster of several brokers on this machine, one JVM each (broker and "
                + "controller), create the CrossView topics with replication factor 3 and min.insync.replicas 2, "
                + "and run until Ctrl-C.",
                "Point the stages at it with --bootstrap and the printed address list."})
    static final class Up implements Callable<Integer> {
        @Option(names = "--brokers", defaultValue = "3", description = "Brokers (default: ${DEFAULT-VALUE})")
        int brokers;

        @Option(names = "--port", defaultValue = "9092", description = "Client port of the first broker; the others "
                + "follow it, and controllers listen 100 above (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--data-dir", defaultValue = ".crossview/cluster", description = "Folder of the nodes' logs and data (default: ${DEFAULT-VALUE})")
        Path dataDir;

        @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of the topics to create (default: none)")
        String topicPrefix;

        @Option(names = "--partitions", defaultValue = "4", description = "Partitions of each new topic (default: ${DEFAULT-VALUE})")
        int partitions;

        @Override
        public Integer call() throws Exception {
            System.out.println("cluster: starting " + brokers + " brokers in " + dataDir.toAbsolutePath() + " (logs: node-N.log)");
            LocalCluster cluster = LocalCluster.start(brokers, dataDir, port);
            TopicAdmin.ensure(cluster.connection(), new Topics(topicPrefix), partitions, (short) -1);
            int replication = cluster.nodes().get(0).replication();
            System.out.println("cluster: up, bootstrap=" + cluster.bootstrap() + " (topics: " + partitions
                    + " partitions, replication " + replication + ", min.insync.replicas "
                    + cluster.nodes().get(0).minInSync() + ")");
            System.out.flush();
            Shutdown.awaitSignal(() -> {
                cluster.close();
                System.out.println("cluster: stopped");
                System.out.flush();
            });
            return 0;
        }
    }
}
