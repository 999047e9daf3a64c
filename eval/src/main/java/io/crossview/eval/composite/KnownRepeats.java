package io.crossview.eval.composite;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The walks of a known source video that repeat a person another walk already shows, checked
 * by eye ({@code known-repeats.yaml}): the picker leaves them out. A video not listed has none.
 */
public final class KnownRepeats {
    /** One repeated walk: {@code walk} shows the person of {@code sameAs}. */
    public record Repeat(@JsonProperty("walk") int walk, @JsonProperty("same_as") int sameAs,
                         @JsonProperty("who") String who) {
    }

    private record File(@JsonProperty("videos") Map<String, List<Repeat>> videos) {
    }

    private static final Map<String, List<Repeat>> BY_VIDEO = load();

    private KnownRepeats() {
    }

    /** The repeats listed for the video with this sha256 (none for an unknown video). */
    public static List<Repeat> of(String sha256) {
        return BY_VIDEO.getOrDefault(sha256, List.of());
    }

    static Set<Integer> walks(List<Repeat> repeats) {
        return repeats.stream().map(Repeat::walk).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, List<Repeat>> load() {
        try (InputStream in = KnownRepeats.class.getResourceAsStream("known-repeats.yaml")) {
            if (in == null) {
                throw new IllegalStateException("known-repeats.yaml is missing from the eval module");
            }
            Map<String, List<Repeat>> videos = new ObjectMapper(new YAMLFactory()).readValue(in, File.class).videos();
            return videos == null ? Map.of() : Map.copyOf(videos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known-repeats.yaml", e);
        }
    }
}
