package io.crossview.eval.synth;

import java.util.List;
import java.util.Optional;

/**
 * How the cameras of a synthetic world relate, measured from the simulated walks: which
 * pairs see the same person at the same time (overlap) and which pairs people walk between
 * unseen, with how long that takes (connection).
 */
public record CameraTopology(List<String> cameras, List<Overlap> overlaps, List<Connection> connections) {

    /**
     * Two cameras that saw the same person at the same time.
     *
     * @param sharedSeconds person-seconds seen by both at once
     */
    public record Overlap(String a, String b, double sharedSeconds) {
    }

    /**
     * Two cameras people walked between without any camera seeing them on the way; times
     * run from the last sighting in one camera to the first in the other (either direction).
     */
    public record Connection(String a, String b, int transits, double medianSeconds, double minSeconds,
                             double maxSeconds) {
    }

    public CameraTopology {
        cameras = List.copyOf(cameras);
        overlaps = List.copyOf(overlaps);
        connections = List.copyOf(connections);
    }

    public boolean overlap(String a, String b) {
        return overlaps.stream().anyMatch(o -> same(o.a(), o.b(), a, b));
    }

    public Optional<Connection> connection(String a, String b) {
        return connections.stream().filter(c -> same(c.a(), c.b(), a, b)).findFirst();
    }

    private static boolean same(String x, String y, String a, String b) {
        return (x.equals(a) && y.equals(b)) || (x.equals(b) && y.equals(a));
    }
}
