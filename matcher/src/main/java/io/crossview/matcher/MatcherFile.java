package io.crossview.matcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.common.config.YamlFile;
import io.crossview.matcher.linking.LinkerParams;
import io.crossview.matcher.linking.SiteTopology;
import io.crossview.matcher.tracking.TrackerParams;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A matcher config file: a {@code tracker:} and a {@code linker:} section (any of their keys;
 * the rest keep their defaults) and a {@code topology:} section in the format of
 * {@code crossview synth}'s {@code topology.yaml}.
 */
public record MatcherFile(TrackerParams tracker, LinkerParams linker, SiteTopology topology) {
    /** No file: every default. */
    public static final MatcherFile DEFAULTS = new MatcherFile(null, null, null);

    @JsonCreator
    public MatcherFile(@JsonProperty("tracker") TrackerParams tracker, @JsonProperty("linker") LinkerParams linker,
                       @JsonProperty("topology") SiteTopology topology) {
        this.tracker = tracker == null ? TrackerParams.defaults() : tracker;
        this.linker = linker == null ? LinkerParams.defaults() : linker;
        this.topology = topology == null ? SiteTopology.NONE : topology;
    }

    public static MatcherFile load(Path file) throws IOException {
        MatcherFile read = YamlFile.read(file, MatcherFile.class, "matcher config");
        return read == null ? DEFAULTS : read;
    }

    /** {@code config} with this file's tracker and linker settings and topology. */
    public MatcherConfig applyTo(MatcherConfig config) {
        return config.withTracker(tracker).withLinker(linker, topology);
    }
}
