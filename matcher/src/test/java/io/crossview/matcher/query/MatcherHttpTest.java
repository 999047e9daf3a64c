package io.crossview.matcher.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossview.common.image.BadImageException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatcherHttpTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final Recording queries = new Recording();
    private MatcherHttp http;

    @BeforeEach
    void start() {
        http = new MatcherHttp().start(0);
    }

    @AfterEach
    void stop() {
        http.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON, not " + response.headers().firstValue("Content-Type"));
        return QueryJson.MAPPER.readTree(response.body());
    }

    @Test
    void beforeItServesAStreamsInstanceEveryQueryAnswers503AsJson() throws Exception {
        HttpResponse<String> response = get("/identities/7/timeline");

        assertEquals(503, response.statusCode());
        assertEquals("the matcher is starting", json(response).get("error").asText());
    }

    @Test
    void aTimelineIsSnakeCaseJsonThatPeersReadBack() throws Exception {
        http.serve(queries);
        HttpResponse<String> response = get("/identities/7/timeline?local=true");

        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals(7, body.get("identity").asLong());
        assertEquals("east", body.get("tracklets").get(0).get("camera").asText());
        assertEquals(3, body.get("tracklets").get(0).get("track_id").asLong());
        assertEquals(10, body.get("tracklets").get(0).get("first_ms").asLong());
        assertTrue(body.get("tracklets").get(0).get("live").asBoolean());
        assertEquals(List.of("timeline 7 local=true"), queries.calls);
        assertEquals(Recording.TIMELINE, QueryJson.MAPPER.readValue(response.body(), Timeline.class));
    }

    @Test
    void errorsAreJsonWithTheirStatusAndNoStackTrace() throws Exception {
        http.serve(queries);

        HttpResponse<String> unknown = get("/identities/8/timeline");
        assertEquals(404, unknown.statusCode());
        assertEquals("no identity 8", json(unknown).get("error").asText());

        HttpResponse<String> notANumber = get("/identities/seven/timeline");
        assertEquals(400, notANumber.statusCode());
        assertTrue(json(notANumber).get("error").asText().contains("seven"));

        HttpResponse<String> rebalancing = get("/cameras/moving/tracks");
        assertEquals(503, rebalancing.statusCode());
        assertTrue(json(rebalancing).get("error").asText().contains("rebalancing"));
        assertFalse(rebalancing.body().contains("at io.crossview"), rebalancing.body());

        HttpResponse<String> noRoute = get("/nothing/here");
        assertEquals(404, noRoute.statusCode());
        assertTrue(json(noRoute).has("error"));
    }

    @Test
    void aCameraNameIsTakenFromThePathDecoded() throws Exception {
        http.serve(queries);
        HttpResponse<String> response = get("/cameras/front%20door/tracks");

        assertEquals(200, response.statusCode());
        assertEquals("front door", json(response).get("camera").asText());
        assertEquals(List.of("tracks front door local=false"), queries.calls);
    }

    @Test
    void aJsonSearchTakesTheVectorModelVersionAndK() throws Exception {
        http.serve(queries);
        HttpResponse<String> response = post("/search?k=3", "application/json; charset=utf-8",
                "{\"vector\":[0.6,0.8],\"model_version\":\"reid@1\"}".getBytes());

        assertEquals(200, response.statusCode());
        assertEquals("search reid@1 2-d k=3 local=false", queries.calls.get(0));
        assertArrayEquals(new float[] {0.6f, 0.8f}, queries.lastQuery.vector());
        JsonNode hit = json(response).get("hits").get(0);
        assertEquals(4, hit.get("identity").asLong());
        assertEquals(0.5, hit.get("score").asDouble(), 1e-9);
        assertEquals("reid@1", json(response).get("model_version").asText());
    }

    @Test
    void aSearchBodyThatIsNotAQueryOrAKThatIsNotANumberIs400() throws Exception {
        http.serve(queries);

        assertEquals(400, post("/search", "application/json", "{\"vector\":[1,".getBytes()).statusCode());
        assertEquals(400, post("/search", "application/json", "{\"vector\":[]}".getBytes()).statusCode());
        assertEquals(400, post("/search?k=many", "application/json",
                "{\"vector\":[1],\"model_version\":\"m\"}".getBytes()).statusCode());
        assertTrue(queries.calls.isEmpty());
    }

    @Test
    void aPictureIsHandedToTheEmbedderAndAnUndecodableOneIs400() throws Exception {
        http.serve(queries);

        HttpResponse<String> ok = post("/search", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        assertEquals(200, ok.statusCode());
        assertEquals("picture 3 bytes k=10", queries.calls.get(0));

        HttpResponse<String> bad = post("/search", "image/jpeg", new byte[] {1, 2});
        assertEquals(400, bad.statusCode());
        assertTrue(json(bad).get("error").asText().contains("not a decodable picture"));
    }

    @Test
    void calibrationListsEachModelsCurveAndWhereItComesFrom() throws Exception {
        Recording queries = new Recording();
        http.serve(queries);
        HttpResponse<String> response = get("/calibration");
        assertEquals(200, response.statusCode());
        var model = json(response).get("models").get(0);
        assertEquals("m@1", model.get("model_version").asText());
        assertEquals("defaults", model.get("source").asText());
        assertEquals(0.9, model.get("between_midpoint").asDouble(), 1e-6);
        assertEquals(41, model.get("curve").size());
        assertEquals("calibration local=false", queries.calls.get(0));
    }

    @Test
    void withATokenEveryRequestWithoutItIs401AndWithItIsAnswered() throws Exception {
        MatcherHttp guarded = new MatcherHttp(new HttpAccess("127.0.0.1", "t0ken-xyz", 0)).start(0);
        try {
            guarded.serve(queries);
            URI uri = URI.create("http://127.0.0.1:" + guarded.port() + "/identities/7/timeline");
            HttpResponse<String> none = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer t0ken-xy")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> right = client.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer t0ken-xyz").GET().build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertTrue(json(none).get("error").asText().contains("bearer token"));
            assertEquals(401, wrong.statusCode());
            assertEquals(200, right.statusCode());
            assertEquals(List.of("timeline 7 local=false"), queries.calls, "only the request with the token was served");
        } finally {
            guarded.stop();
        }
    }

    @Test
    void searchesPastTheRateAre429ButPeerFanOutIsNotCounted() throws Exception {
        MatcherHttp limited = new MatcherHttp(new HttpAccess("127.0.0.1", null, 2)).start(0);
        try {
            limited.serve(queries);
            byte[] body = "{\"vector\":[0.6,0.8],\"model_version\":\"reid@1\"}".getBytes();
            List<Integer> statuses = new ArrayList<>();
            for (String path : List.of("/search", "/search?local=true", "/search?local=true", "/search", "/search")) {
                statuses.add(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + limited.port() + path))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertEquals(List.of(200, 200, 200, 200, 429), statuses);
        } finally {
            limited.stop();
        }
    }

    /** Answers a few fixed queries and records what was asked. */
    private static final class Recording implements MatcherQueries {
        static final Timeline TIMELINE = new Timeline(7, List.of("east"), 10, 20,
                List.of(new TimelineEntry("east", 3, 10, 20, true)));
        final List<String> calls = new ArrayList<>();
        Embedded lastQuery;

        @Override
        public Timeline timeline(long identity, boolean local) {
            if (identity != 7) {
                throw QueryException.notFound("no identity " + identity);
            }
            calls.add("timeline " + identity + " local=" + local);
            return TIMELINE;
        }

        @Override
        public CameraTracksView cameraTracks(String camera, boolean local) {
            if (camera.equals("moving")) {
                throw new InvalidStateStoreException("the store is migrating");
            }
            calls.add("tracks " + camera + " local=" + local);
            return new CameraTracksView(camera, List.of());
        }

        @Override
        public CameraLinks cameraLinks(String camera, boolean local) {
            return new CameraLinks(camera, List.of());
        }

        @Override
        public SearchResults search(Embedded query, int k, boolean local) {
            calls.add("search " + query.modelVersion() + " " + query.vector().length + "-d k=" + k + " local=" + local);
            lastQuery = query;
            return new SearchResults(query.modelVersion(), List.of(new SearchHit(4, 0.5, List.of("east"), 20)));
        }

        @Override
        public SearchResults searchPicture(byte[] jpeg, int k) {
            if (jpeg.length < 3) {
                throw new BadImageException("not a decodable picture (" + jpeg.length + " bytes)");
            }
            calls.add("picture " + jpeg.length + " bytes k=" + k);
            return new SearchResults("m", List.of());
        }

        @Override
        public ModelCalibrations calibrations(boolean local) {
            calls.add("calibration local=" + local);
            long[] none = new long[io.crossview.common.calibration.SimilarityBins.BINS];
            io.crossview.common.wire.SimilarityCounts.Builder counts =
                    io.crossview.common.wire.SimilarityCounts.newBuilder().setModelVersion("m@1");
            for (long n : none) {
                counts.addSameTrack(n).addCoOccurring(n).addCandidates(n);
            }
            return ModelCalibrations.of(List.of(counts.build()));
        }
    }
}
