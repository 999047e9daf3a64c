package io.crossview.common.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The npm registry over plain HTTP, for machines without the npm client: asks for one version's
 * metadata ({@code GET {registry}/{@scope%2fname}/{version}}), streams {@code dist.tarball} to a
 * file and checks it against {@code dist.integrity} (or the older sha1 {@code dist.shasum}).
 */
final class NpmRegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NpmConfig.Registry registry;
    private final Duration timeout;
    private final HttpClient http;

    NpmRegistryClient(NpmConfig.Registry registry, Duration timeout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Downloads and checks the tarball of {@code name@version} into {@code dir}; returns the file. */
    Path download(String name, String version, Path dir) throws IOException {
        String what = name + "@" + version;
        URI metadata = URI.create(registry.url() + escape(name) + "/" + escape(version));
        HttpResponse<byte[]> answer = send(request(metadata, Duration.ofMinutes(1)).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofByteArray(), what);
        if (answer.statusCode() != 200) {
            throw new IOException("npm registry " + registry + " answered HTTP " + answer.statusCode() + " for " + what);
        }
        JsonNode dist;
        try {
            dist = JSON.readTree(answer.body()).path("dist");
        } catch (IOException e) {
            throw new IOException("npm registry " + registry + " sent no JSON for " + what);
        }
        String tarball = dist.path("tarball").asText("");
        if (tarball.isEmpty()) {
            throw new IOException("npm registry " + registry + " gives no dist.tarball for " + what);
        }
        URI tarballUri;
        try {
            tarballUri = URI.create(tarball);
        } catch (IllegalArgumentException e) {
            throw new IOException("npm registry " + registry + " gives a dist.tarball that is no URL for " + what);
        }
        Path tgz = dir.resolve("package.tgz");
        HttpResponse<Path> file = send(request(tarballUri, timeout).build(), HttpResponse.BodyHandlers.ofFile(tgz),
                what + " tarball");
        if (file.statusCode() != 200) {
            throw new IOException("npm registry answered HTTP " + file.statusCode() + " for the tarball of " + what
                    + " at " + NpmConfig.redact(tarballUri));
        }
        Tarball.verify(tgz, text(dist, "integrity"), text(dist, "shasum"), what + " tarball");
        return tgz;
    }

    /** The package name as npm puts it in a URL: {@code @scope/name} becomes {@code @scope%2fname}. */
    static String escape(String name) {
        return name.replace("%", "%25").replace("/", "%2f").replace(" ", "%20").replace("?", "%3f")
                .replace("#", "%23");
    }

    private HttpRequest.Builder request(URI uri, Duration requestTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(NpmConfig.stripUserInfo(uri)).timeout(requestTimeout)
                .header("User-Agent", "crossview (java.net.http)");
        // Credentials go to the registry's own host only, never to a CDN it points the tarball at.
        if (registry.authorization() != null && sameHost(uri, registry.url())) {
            builder.header("Authorization", registry.authorization());
        }
        return builder;
    }

    private static boolean sameHost(URI a, URI b) {
        return Objects.equals(a.getHost(), b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String what)
            throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + what);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("could not fetch " + what + " from " + NpmConfig.redact(request.uri()) + ": "
                    + NpmConfig.redact(reason));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
