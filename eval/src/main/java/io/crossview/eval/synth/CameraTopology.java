package io.crossview.eval.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The topology as {@code topology.yaml} holds it (what the matcher's {@code SiteTopology} reads). */
    public Map<String, Object> asYaml() {
        CameraTopology t = this;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cameras", t.cameras());
        List<Map<String, Object>> overlaps = new ArrayList<>();
        for (CameraTopology.Overlap o : t.overlaps()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cameras", List.of(o.a(), o.b()));
            e.put("shared_seconds", o.sharedSeconds());
            overlaps.add(e);
        }
        m.put("overlaps", overlaps);
        List<Map<String, Object>> connections = new ArrayList<>();
        for (CameraTopology.Connection c : t.connections()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cameras", List.of(c.a(), c.b()));
            e.put("transits", c.transits());
            e.put("median_seconds", c.medianSeconds());
            e.put("min_seconds", c.minSeconds());
            e.put("max_seconds", c.maxSeconds());
            connections.add(e);
        }
        m.put("connections", connections);
        return m;
    }
}
