package io.crossview.matcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.common.config.YamlFile;
import io.crossview.matcher.linking.LinkerParams;
import io.crossview.matcher.linking.SiteTopology;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A matcher config file: a {@code linker:} section (any of its keys; the rest keep their
 * defaults) and a {@code topology:} section in the format of {@code crossview synth}'s
 * {@code topology.yaml}.
 */
public record MatcherFile(LinkerParams linker, SiteTopology topology) {
    @JsonCreator
    public MatcherFile(@JsonProperty("linker") LinkerParams linker, @JsonProperty("topology") SiteTopology topology) {
        this.linker = linker == null ? LinkerParams.defaults() : linker;
        this.topology = topology == null ? SiteTopology.NONE : topology;
    }

    public static MatcherFile load(Path file) throws IOException {
        MatcherFile read = YamlFile.read(file, MatcherFile.class, "matcher config");
        return read == null ? new MatcherFile(null, null) : read;
    }

    /** {@code config} with this file's linker settings and topology. */
    public MatcherConfig applyTo(MatcherConfig config) {
        return config.withLinker(linker, topology);
    }
}
