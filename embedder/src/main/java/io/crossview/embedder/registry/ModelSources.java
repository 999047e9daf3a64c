package io.crossview.embedder.registry;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where announced models may be fetched from: URI prefixes such as {@code file:/models/} or
 * {@code https://models.example.com/reid/}. Whoever can write to the models topic decides what
 * every embedder downloads, so only listed locations are read, http(s) none by default.
 */
public record ModelSources(List<String> prefixes) {
    /** Files on this machine (or its mounted volumes), nothing over the network. */
    public static final ModelSources LOCAL_FILES = new ModelSources(List.of("file:/"));

    public ModelSources {
        if (prefixes == null || prefixes.isEmpty()) {
            throw new IllegalArgumentException("model sources: list at least one location (file:/ for any local file)");
        }
        prefixes = prefixes.stream().map(ModelSources::prefix).toList();
    }

    /** {@code uri} as it will be read, when it lies inside a listed location; otherwise a one-line refusal. */
    public URI check(String uri) {
        URI normalized = normalize(uri);
        String text = normalized.toString();
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return normalized;
            }
        }
        throw new IllegalArgumentException("model URI " + text + " is outside the allowed model sources " + prefixes
                + " (add a location with --model-source or model_sources)");
    }

    private static String prefix(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("model sources: an empty location");
        }
        String text = normalize(location.trim()).toString();
        // a boundary, so https://models.example.com does not admit https://models.example.com.evil.net
        return text.endsWith("/") ? text : text + "/";
    }

    private static URI normalize(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("the announcement has no uri");
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                URI parsed = URI.create(uri).normalize();
                if (parsed.getHost() == null || parsed.getPath() != null && parsed.getPath().contains("..")) {
                    throw new IllegalArgumentException("model URI " + uri + " is not a plain http(s) location");
                }
                return parsed;
            }
            if (lower.startsWith("file:")) {
                return Path.of(URI.create(uri)).toAbsolutePath().normalize().toUri();
            }
            if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
                throw new IllegalArgumentException("model URI " + uri + ": only files and http(s) are fetched");
            }
            return Path.of(uri).toAbsolutePath().normalize().toUri();
        } catch (IllegalArgumentException e) { // InvalidPathException and URI syntax errors too
            if (e.getMessage() != null && e.getMessage().startsWith("model URI")) {
                throw e;
            }
            throw new IllegalArgumentException("model URI " + uri + " is not a valid location: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return String.join(", ", prefixes);
    }
}
