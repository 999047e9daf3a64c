package io.crossview.deploy.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a local KRaft cluster in which every node is broker and controller, with a static
 * voter set: {@code voters} is {@code id@host:port,...} of every node's controller listener,
 * and every node is formatted with the same {@code clusterId}.
 */
public record ClusterNode(int nodeId, String clusterId, int port, int controllerPort, String voters) {
    private static final Pattern VOTER = Pattern.compile("(\\d+)@[^@,:]+:(\\d+)");

    public ClusterNode {
        if (nodeId < 0) {
            throw new IllegalArgumentException("--node-id must be 0 or more, got " + nodeId);
        }
        if (port <= 0 || controllerPort <= 0) {
            throw new IllegalArgumentException("a cluster node needs fixed ports (--port and --controller-port)");
        }
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalArgumentException("a cluster node needs --cluster-id (the same on every node)");
        }
        if (voters == null) {
            throw new IllegalArgumentException("a cluster node needs --voters");
        }
        boolean listed = false;
        for (String voter : voters.split(",")) {
            Matcher m = VOTER.matcher(voter.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("--voters wants ID@HOST:PORT,..., not '" + voter.trim() + "'");
            }
            listed |= Integer.parseInt(m.group(1)) == nodeId && Integer.parseInt(m.group(2)) == controllerPort;
        }
        if (!listed) {
            throw new IllegalArgumentException("--voters must list this node as " + nodeId + "@HOST:" + controllerPort);
        }
    }

    /** Nodes in the voter set. */
    public int size() {
        return voters.split(",").length;
    }

    /**
     * Copies of each partition: three where there are three nodes, so that one node may fail
     * and writes still need two copies ({@link #minInSync()}).
     */
    public int replication() {
        return Math.min(3, size());
    }

    public int minInSync() {
        return replication() >= 3 ? 2 : 1;
    }

    /** The voter set of nodes 1..n on loopback with these controller ports. */
    public static String voters(List<Integer> controllerPorts) {
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < controllerPorts.size(); i++) {
            voters.add((i + 1) + "@127.0.0.1:" + controllerPorts.get(i));
        }
        return String.join(",", voters);
    }
}
