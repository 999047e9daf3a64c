package io.crossview.embedder.registry;

import io.crossview.common.model.ModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches announced model bytes from a file path, a {@code file:} URI or http(s), inside the
 * allowed {@link ModelSources} only, and checks their sha256.
 */
public final class ModelFetcher {
    /** Re-ID models are megabytes; anything near this is not one. */
    static final long MAX_BYTES = 1L << 30;

    private final ModelSources sources;

    public ModelFetcher(ModelSources sources) {
        this.sources = java.util.Objects.requireNonNull(sources, "sources");
    }

    /** Local files only. */
    public ModelFetcher() {
        this(ModelSources.LOCAL_FILES);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The bytes at {@code uri}, which must hash to {@code sha256}; any failure is one IOException line. */
    public byte[] fetch(String uri, String sha256) throws IOException {
        byte[] bytes = read(uri);
        String actual = ModelVersion.sha256(bytes);
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new IOException("sha256 mismatch for " + uri + ": announced " + sha256 + ", fetched " + actual);
        }
        return bytes;
    }

    private byte[] read(String uri) throws IOException {
        URI allowed;
        try {
            allowed = sources.check(uri);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        if (!"file".equals(allowed.getScheme())) {
            return download(allowed);
        }
        Path path = Path.of(allowed);
        if (!Files.isRegularFile(path)) {
            throw new IOException("model file not found: " + path);
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException("model file " + path + " is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        return Files.readAllBytes(path);
    }

    private byte[] download(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build();
        // a redirect could leave the allowed locations, so none is followed
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException(uri + " is larger than " + (MAX_BYTES >> 20) + " MiB");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().contains(uri.toString()) ? e
                    : new IOException("cannot fetch " + uri + ": " + e, e);
        }
    }
}
