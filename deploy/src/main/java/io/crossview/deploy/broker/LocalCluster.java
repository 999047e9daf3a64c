package io.crossview.deploy.broker;

import io.crossview.common.kafka.KafkaConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import io.crossview.deploy.process.CrossviewProcess;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A KRaft cluster of several brokers on this machine, each in a JVM of its own (so that one can
 * be killed hard, as a machine fails): started with {@code crossview broker --node-id ...},
 * logging to {@code node-N.log} in its folder under {@code dir}.
 */
public final class LocalCluster implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 120_000;

    private final Path dir;
    private final List<ClusterNode> nodes;
    private final CrossviewProcess[] processes;

    private LocalCluster(Path dir, List<ClusterNode> nodes) {
        this.dir = dir;
        this.nodes = nodes;
        this.processes = new CrossviewProcess[nodes.size()];
    }

    /**
     * Starts {@code brokers} nodes with client ports from {@code basePort} up (0: free ports) and
     * returns once all of them have registered with the cluster. An existing {@code dir} keeps its
     * cluster id and topics.
     */
    public static LocalCluster start(int brokers, Path dir, int basePort) throws IOException, InterruptedException {
        if (brokers < 1) {
            throw new IllegalArgumentException("--brokers must be 1 or more, got " + brokers);
        }
        Files.createDirectories(dir);
        String clusterId = clusterId(dir);
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            ports.add(basePort == 0 ? EmbeddedBroker.freePort() : basePort + i);
            controllerPorts.add(basePort == 0 ? EmbeddedBroker.freePort() : basePort + 100 + i);
        }
        String voters = ClusterNode.voters(controllerPorts);
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            nodes.add(new ClusterNode(i + 1, clusterId, ports.get(i), controllerPorts.get(i), voters));
        }
        LocalCluster cluster = new LocalCluster(dir, List.copyOf(nodes));
        try {
            for (ClusterNode node : nodes) {
                cluster.launch(node);
            }
            cluster.awaitBrokers(brokers);
            return cluster;
        } catch (IOException | RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    /** The cluster id this folder was formatted with, or a new one remembered there. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n");
        return id;
    }

    private void launch(ClusterNode node) throws IOException {
        Path nodeDir = dir.resolve("node-" + node.nodeId());
        Files.createDirectories(nodeDir);
        processes[node.nodeId() - 1] = CrossviewProcess.start(512, dir.resolve("node-" + node.nodeId() + ".log"),
                List.of("broker", "--node-id", Integer.toString(node.nodeId()), "--cluster-id", node.clusterId(),
                        "--voters", node.voters(), "--port", Integer.toString(node.port()),
                        "--controller-port", Integer.toString(node.controllerPort()),
                        "--data-dir", nodeDir.resolve("data").toString()));
    }

    private void awaitBrokers(int expected) throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        try (Admin admin = Admin.create(connection().admin())) {
            while (true) {
                for (int i = 0; i < processes.length; i++) {
                    if (processes[i] != null && !processes[i].isAlive()) {
                        throw new IOException("broker " + (i + 1) + " " + processes[i].exitReason());
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= expected) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException | TimeoutException e) {
                    // not up yet
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("the cluster did not come up within " + START_TIMEOUT_MS / 1000 + " s; see the node-N.log files in " + dir);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Every node's client address, as one bootstrap list. */
    public String bootstrap() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    public KafkaConnection connection() {
        return KafkaConnection.plain(bootstrap());
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    /** Kills a node at once, as a power cut would: no shutdown, no flush, no leadership hand-over. */
    public void kill(int nodeId) throws InterruptedException {
        processes[nodeId - 1].kill();
    }

    /** Starts a killed or stopped node again on its data; returns once the cluster has it back. */
    public void restart(int nodeId) throws IOException, InterruptedException {
        CrossviewProcess process = processes[nodeId - 1];
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker " + nodeId + " is running");
        }
        launch(nodes.get(nodeId - 1));
        awaitBrokers(nodes.size());
    }

    /** Stops every node the way Ctrl-C would, killing any that does not stop within 30 s. */
    @Override
    public void close() {
        for (CrossviewProcess process : processes) {
            if (process != null) {
                process.stop();
            }
        }
        for (CrossviewProcess process : processes) {
            if (process != null) {
                process.awaitStopped();
            }
        }
    }
}
