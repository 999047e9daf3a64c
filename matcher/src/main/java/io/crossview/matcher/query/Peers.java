package io.crossview.matcher.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks other matcher instances for what their own stores hold ({@code local=true} requests).
 * An instance that cannot answer makes the whole answer unavailable (503): a merge without
 * its part would be wrong, not just incomplete.
 */
final class Peers {
    private final HttpClient client;
    private final Duration timeout;
    private final String authorization;

    /** @param authorization the header every instance of the group expects, null for none */
    Peers(HttpClient client, Duration timeout, String authorization) {
        this.client = client;
        this.timeout = timeout;
        this.authorization = authorization;
    }

    static Peers create(Duration timeout, String authorization) {
        return new Peers(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build(), timeout, authorization);
    }

    private HttpRequest.Builder request(HostInfo host, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(host, pathAndQuery)).timeout(timeout);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    /** The peer's answer, or empty when it answered 404 (it does not hold the thing). */
    <T> CompletableFuture<Optional<T>> get(HostInfo host, String pathAndQuery, Class<T> type) {
        HttpRequest request = request(host, pathAndQuery).GET().build();
        return send(host, request).thenApply(response -> parse(host, response, type, true));
    }

    <T> CompletableFuture<T> post(HostInfo host, String pathAndQuery, Object body, Class<T> type) {
        byte[] json;
        try {
            json = QueryJson.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = request(host, pathAndQuery)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return send(host, request).thenApply(response -> parse(host, response, type, false).orElseThrow());
    }

    /** Waits for a peer's answer, rethrowing its failure as the query failure it stands for. */
    static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof QueryException q) {
                throw q;
            }
            throw QueryException.unavailable("a matcher instance failed to answer: " + e.getCause(), e.getCause());
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> send(HostInfo host, HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw QueryException.unavailable("matcher instance " + host + " did not answer: " + cause, cause);
        });
    }

    private static URI uri(HostInfo host, String pathAndQuery) {
        return URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    }

    private static <T> Optional<T> parse(HostInfo host, HttpResponse<byte[]> response, Class<T> type,
                                         boolean absentOk) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return Optional.of(QueryJson.MAPPER.readValue(response.body(), type));
            } catch (IOException e) {
                throw QueryException.unavailable("matcher instance " + host + " answered what is not a "
                        + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        String error = errorOf(response.body());
        if (status == 404 && absentOk) {
            return Optional.empty();
        }
        if (status == 400) {
            // the query itself is wrong (a vector of the wrong length, say): the client's error, not the peer's
            throw QueryException.badRequest(error);
        }
        throw QueryException.unavailable("matcher instance " + host + " answered " + status + ": " + error, null);
    }

    private static String errorOf(byte[] body) {
        try {
            JsonNode node = QueryJson.MAPPER.readTree(body);
            if (node != null && node.hasNonNull("error")) {
                return node.get("error").asText();
            }
        } catch (IOException e) {
            // not our JSON: show the start of what it is
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
