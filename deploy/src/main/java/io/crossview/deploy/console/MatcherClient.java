package io.crossview.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossview.matcher.query.QueryJson;
import io.crossview.matcher.query.SearchResults;
import io.crossview.matcher.query.Timeline;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The console's way into the matcher's query API: timelines and searches by picture. */
final class MatcherClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The query API said no, or could not be reached; {@code status} 0 for the latter. */
    static final class Unavailable extends IOException {
        final int status;

        Unavailable(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;
    private final String authorization;

    /** @param authorization the header the query API wants, null for none */
    MatcherClient(String base, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
    }

    String base() {
        return base;
    }

    /** The identity's timeline; empty when the matcher does not know it. */
    Optional<Timeline> timeline(long identity) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(request("/identities/" + identity + "/timeline").GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(QueryJson.MAPPER.readValue(ok(response), Timeline.class));
    }

    /** The identities most like the person in {@code picture}. */
    SearchResults search(byte[] picture, int k) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(request("/search?k=" + k).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(picture)));
        return QueryJson.MAPPER.readValue(ok(response), SearchResults.class);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException e) {
            throw new Unavailable(0, "the matcher's query API at " + base + " cannot be reached");
        }
    }

    private static byte[] ok(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        String message = "the matcher answered " + response.statusCode();
        try {
            JsonNode error = QueryJson.MAPPER.readTree(response.body()).get("error");
            if (error != null) {
                message += ": " + error.asText();
            }
        } catch (IOException notJson) {
            // the status says enough
        }
        throw new Unavailable(response.statusCode(), message);
    }
}
