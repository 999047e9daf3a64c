package io.crossview.deploy.broker;

import io.crossview.common.kafka.KafkaConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real KRaft Kafka broker (broker and controller in one) running in this JVM: a single-node
 * cluster of its own, or one {@link ClusterNode} of several.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final KafkaRaftServer server;
    private final String bootstrap;
    private final String securedBootstrap;
    private final Path dataDir;
    private boolean closed;

    private EmbeddedBroker(KafkaRaftServer server, String bootstrap, String securedBootstrap, Path dataDir) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.securedBootstrap = securedBootstrap;
        this.dataDir = dataDir;
    }

    /**
     * Formats {@code dataDir} when it is new and starts the broker on {@code port} (0 picks a
     * free one). An existing data dir keeps its topics across restarts.
     */
    public static EmbeddedBroker start(int port, Path dataDir) throws IOException {
        return start(port, dataDir, null);
    }

    /**
     * As {@link #start(int, Path)}, plus a SASL_SSL listener when {@code security} is given: what a
     * secured cluster looks like to clients, on one machine. The plaintext listener stays on
     * loopback for the broker's own traffic.
     */
    public static EmbeddedBroker start(int port, Path dataDir, BrokerSecurity security) throws IOException {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        ClusterNode alone = new ClusterNode(1, Uuid.randomUuid().toString(), brokerPort, controllerPort,
                ClusterNode.voters(List.of(controllerPort)));
        return start(alone, dataDir, security);
    }

    /**
     * Starts one node of a multi-node cluster (formatting {@code dataDir} with the node's cluster
     * id when it is new). New topics get the node's replication and min.insync.replicas by
     * default, Kafka's own internal topics too.
     */
    public static EmbeddedBroker start(ClusterNode node, Path dataDir) throws IOException {
        return start(node, dataDir, null);
    }

    private static EmbeddedBroker start(ClusterNode node, Path dataDir, BrokerSecurity security) throws IOException {
        Files.createDirectories(dataDir);
        Properties props = properties(node, dataDir);
        String secured = null;
        if (security != null) {
            secured = "127.0.0.1:" + freePort();
            security.addListener(props, secured);
        }
        format(props, node.clusterId(), dataDir, security == null ? List.of() : security.scramRecords());
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedBroker(server, "127.0.0.1:" + node.port(), secured, dataDir);
    }

    private static Properties properties(ClusterNode node, Path dataDir) {
        String replication = Integer.toString(node.replication());
        String minInSync = Integer.toString(node.minInSync());
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(node.nodeId()));
        props.put("controller.quorum.voters", node.voters());
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("num.partitions", "1");
        props.put("default.replication.factor", replication);
        props.put("min.insync.replicas", minInSync);
        props.put("offsets.topic.replication.factor", replication);
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", replication);
        props.put("transaction.state.log.min.isr", minInSync);
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", replication);
        props.put("share.coordinator.state.topic.min.isr", minInSync);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("message.max.bytes", Integer.toString(9 * 1024 * 1024));
        props.put("replica.fetch.max.bytes", Integer.toString(9 * 1024 * 1024));
        if (node.size() > 1) {
            // a node that dies is fenced, and its partitions led elsewhere, within a few seconds
            props.put("broker.heartbeat.interval.ms", "1000");
            props.put("broker.session.timeout.ms", "6000");
        }
        return props;
    }

    private static void format(Properties props, String clusterId, Path dataDir, List<String> scram) throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Path configFile = Files.createTempFile("crossview-broker", ".properties");
        try {
            try (var out = Files.newOutputStream(configFile)) {
                props.store(out, "CrossView embedded broker");
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            // execute, never main: main exits the JVM. Transactions v1: under v2 this broker
            // rejected the first pipelined batches of each new Streams transaction with
            // OutOfOrderSequenceException (the producer retried, but every run logged errors).
            List<String> args = new ArrayList<>(List.of("format", "-t", clusterId,
                    "-c", configFile.toString(), "--ignore-formatted", "--feature", "transaction.version=1"));
            for (String record : scram) {
                // users exist from the first start on, as with a cluster provisioned before its clients
                args.add("--add-scram");
                args.add(record);
            }
            int rc = StorageTool.execute(args.toArray(String[]::new), new PrintStream(log, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IOException("cannot format Kafka storage in " + dataDir + ": " + log.toString(StandardCharsets.UTF_8).trim());
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** The SASL_SSL listener's address; null when the broker was started without security. */
    public String securedBootstrap() {
        return securedBootstrap;
    }

    /** A plaintext connection to this broker. */
    public KafkaConnection connection() {
        return KafkaConnection.plain(bootstrap);
    }

    public Path dataDir() {
        return dataDir;
    }

    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }
}
