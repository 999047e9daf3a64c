package io.crossview.matcher.linking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.common.config.YamlFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a site's cameras relate, as configured: which pairs see the same place (a person may be
 * on both at once) and which pairs people walk between unseen, with the transit time it
 * takes. The file format is the one {@code crossview synth} writes as {@code topology.yaml}.
 * An empty topology constrains nothing; cameras it does not list are not constrained either.
 */
public record SiteTopology(List<String> cameras, List<Overlap> overlaps, List<Connection> connections) {
    public static final SiteTopology NONE = new SiteTopology(List.of(), List.of(), List.of());

    /** Two cameras whose views overlap. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overlap(List<String> cameras) {
        @JsonCreator
        public Overlap(@JsonProperty("cameras") List<String> cameras) {
            this.cameras = pair(cameras, "overlap");
        }
    }

    /** Two cameras walked between unseen in [minSeconds, maxSeconds], either direction. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Connection(List<String> cameras, double minSeconds, double maxSeconds) {
        @JsonCreator
        public Connection(@JsonProperty("cameras") List<String> cameras,
                          @JsonProperty("min_seconds") double minSeconds,
                          @JsonProperty("max_seconds") double maxSeconds) {
            this.cameras = pair(cameras, "connection");
            if (!(minSeconds >= 0) || !(maxSeconds >= minSeconds)) {
                throw new IllegalArgumentException("connection " + cameras + " needs 0 <= min_seconds <= max_seconds, got "
                        + minSeconds + ".." + maxSeconds);
            }
            this.minSeconds = minSeconds;
            this.maxSeconds = maxSeconds;
        }
    }

    @JsonCreator
    public SiteTopology(@JsonProperty("cameras") List<String> cameras,
                        @JsonProperty("overlaps") List<Overlap> overlaps,
                        @JsonProperty("connections") List<Connection> connections) {
        this.overlaps = overlaps == null ? List.of() : List.copyOf(overlaps);
        this.connections = connections == null ? List.of() : List.copyOf(connections);
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(cameras == null ? List.of() : cameras);
        this.overlaps.forEach(o -> all.addAll(o.cameras()));
        this.connections.forEach(c -> all.addAll(c.cameras()));
        this.cameras = List.copyOf(all);
    }

    /** A topology file; one IOException line naming the file when it is missing or wrong. */
    public static SiteTopology load(Path file) throws IOException {
        SiteTopology read = YamlFile.read(file, SiteTopology.class, "topology file");
        return read == null ? NONE : read;
    }

    public boolean isEmpty() {
        return cameras.isEmpty();
    }

    /** Whether the topology speaks about this camera at all. */
    public boolean knows(String camera) {
        return cameras.contains(camera);
    }

    public boolean overlap(String a, String b) {
        return overlaps.stream().anyMatch(o -> same(o.cameras(), a, b));
    }

    public Optional<Connection> connection(String a, String b) {
        return connections.stream().filter(c -> same(c.cameras(), a, b)).findFirst();
    }

    private static boolean same(List<String> pair, String a, String b) {
        return (pair.get(0).equals(a) && pair.get(1).equals(b)) || (pair.get(0).equals(b) && pair.get(1).equals(a));
    }

    private static List<String> pair(List<String> cameras, String what) {
        if (cameras == null || cameras.size() != 2 || cameras.get(0).equals(cameras.get(1))) {
            throw new IllegalArgumentException("a topology " + what + " names two different cameras, got " + cameras);
        }
        return List.copyOf(cameras);
    }
}
