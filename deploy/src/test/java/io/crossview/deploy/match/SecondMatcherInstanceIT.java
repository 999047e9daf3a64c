package io.crossview.deploy.match;

import io.crossview.common.kafka.KafkaConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.IdentityState;
import io.crossview.common.wire.Prototype;
import io.crossview.common.wire.Vector;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.query.MatcherInstance;
import io.crossview.matcher.query.HttpAccess;
import io.crossview.deploy.stages.Stages;
import io.crossview.deploy.testing.TopicContents;
import io.crossview.deploy.testing.WalkingPeople;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.linking.LinkerProcessor;
import io.crossview.matcher.query.QueryJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second matcher instance joins a running one mid-stream (standby replicas 1): tasks move to
 * it without losing tracker state, every event is committed once, and the query API answers
 * the same from either instance, whichever holds the store.
 */
@Tag("integration")
class SecondMatcherInstanceIT {
    /** Both instances share it, so each one\'s questions to the other must carry it. */
    private static final String TOKEN = "it-" + Long.toHexString(System.nanoTime());
    private static final int FRAMES = 1200;
    private static final int PARTITIONS = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aSecondInstanceTakesTasksMidStreamLosingNoStateAndEitherInstanceAnswersForBoth() throws Exception {
        assertNotEquals(partitionOf("east"), partitionOf("west"), "the cameras fall in different partitions");
        List<FrameEmbeddings> frames = WalkingPeople.frames(FRAMES);
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            KafkaConnection kafka = broker.connection();
            Topics calm = new Topics("calm.");
            Topics scaled = new Topics("scaled.");
            for (Topics topics : List.of(calm, scaled)) {
                TopicAdmin.ensure(kafka, topics, PARTITIONS, (short) 1);
            }

            // the reference: one instance, uninterrupted
            WalkingPeople.produce(kafka, calm.embeddings().name(), frames);
            List<String> expected;
            try (KafkaStreams alone = Stages.matcher(kafka, calm, config("calm-state"))) {
                alone.start();
                expected = awaitQuiet(kafka, calm);
            }
            assertTrue(expected.size() > FRAMES, "people were tracked: " + expected.size() + " track events");

            WalkingPeople.produce(kafka, scaled.embeddings().name(), frames.subList(0, FRAMES / 2));
            MatcherInstance a = instance(kafka, scaled, "a-state");
            MatcherInstance b = instance(kafka, scaled, "b-state");
            try {
                a.start();
                await(() -> a.streams().state() == KafkaStreams.State.RUNNING && count(kafka, scaled) > 0,
                        "instance A runs alone and has committed events");
                long beforeB = count(kafka, scaled);
                b.start();
                // the rest of the input arrives while B joins and the tasks move
                WalkingPeople.produce(kafka, scaled.embeddings().name(), frames.subList(FRAMES / 2, FRAMES));
                Set<Integer> seenWhileMoving = new TreeSet<>();
                await(() -> {
                    seenWhileMoving.add(probe(a, "/cameras/west/tracks"));
                    return running(a) && running(b) && activeTasks(b) > 0 && activeTasks(a) > 0;
                }, "B took active tasks from A, both run");
                assertTrue(Set.of(200, 404, 503).containsAll(seenWhileMoving),
                        "while the tasks moved A answered only 200, 404 (no state yet) or 503: " + seenWhileMoving);
                assertTrue(beforeB < expected.size(), "B joined mid-stream (" + beforeB + " of " + expected.size() + ")");

                List<String> actual = awaitCount(kafka, scaled, expected.size());
                assertOnce(frameEvents(kafka, scaled));
                assertEquals(sorted(expected), sorted(actual),
                        "every camera's tracks are those of the uninterrupted run, frame by frame");

                await(() -> running(a) && running(b), "the group settled");
                assertCamerasAnswerAlikeFromBoth(a, b);
                IdentityEvent last = lastLinkedEvent(kafka, scaled);
                MatcherInstance holder = assertTimelineAnswersAlikeFromBoth(a, b, last);
                assertSearchFindsTheIdentityByItsPrototype(a, b, holder, last.getIdentityId());
            } finally {
                // both at once: closing one by one would rebalance the other first
                CompletableFuture<Void> closingA = CompletableFuture.runAsync(() -> a.close(Duration.ofSeconds(20)));
                b.close(Duration.ofSeconds(20));
                closingA.join();
            }
        }
    }

    private void assertCamerasAnswerAlikeFromBoth(MatcherInstance a, MatcherInstance b) throws Exception {
        for (String camera : WalkingPeople.CAMERAS) {
            String path = "/cameras/" + camera + "/tracks";
            JsonNode fromA = answer(a, path, 200);
            JsonNode fromB = answer(b, path, 200);
            assertEquals(fromA, fromB, camera + "'s tracks from A and from B");
            assertTrue(fromA.get("tracks").size() > 0, camera + " has live tracks: " + fromA);
            assertTrue(fromA.get("tracks").findValues("identity").stream().anyMatch(JsonNode::isNumber),
                    "the tracks carry their identities from the linker: " + fromA);
            // exactly one instance holds the camera: the other one's answer above was fetched from it
            assertEquals(Set.of(200, 404), Set.of(status(a, path + "?local=true"), status(b, path + "?local=true")),
                    camera + " lives on one instance");
        }
    }

    /** Returns the instance whose gallery holds the identity. */
    private MatcherInstance assertTimelineAnswersAlikeFromBoth(MatcherInstance a, MatcherInstance b, IdentityEvent last)
            throws Exception {
        long identity = last.getIdentityId();
        String path = "/identities/" + identity + "/timeline";
        JsonNode fromA = answer(a, path, 200);
        JsonNode fromB = answer(b, path, 200);
        assertEquals(fromA, fromB, "identity " + identity + "'s timeline from A and from B");
        boolean lastTrackShown = false;
        for (JsonNode tracklet : fromA.get("tracklets")) {
            lastTrackShown |= tracklet.get("camera").asText().equals(last.getFrame().getCamera())
                    && tracklet.get("track_id").asLong() == last.getTrackId();
        }
        assertTrue(lastTrackShown, "the timeline shows the track last seen as " + identity + ": " + fromA);
        int localA = status(a, path + "?local=true");
        int localB = status(b, path + "?local=true");
        assertEquals(Set.of(200, 404), Set.of(localA, localB), "the identity lives on one instance");
        return localA == 200 ? a : b;
    }

    private void assertSearchFindsTheIdentityByItsPrototype(MatcherInstance a, MatcherInstance b,
                                                            MatcherInstance holder, long identity) throws Exception {
        ReadOnlyKeyValueStore<String, IdentityRecord> gallery = holder.streams().store(StoreQueryParameters
                .fromNameAndType(LinkerProcessor.GALLERY_STORE, QueryableStoreTypes.keyValueStore()));
        Vector prototype = prototypeOf(gallery.get(Long.toString(identity)));
        ObjectNode query = QueryJson.MAPPER.createObjectNode().put("model_version", WalkingPeople.MODEL);
        ArrayNode vector = query.putArray("vector");
        prototype.getValuesList().forEach(vector::add);
        JsonNode fromA = null;
        for (MatcherInstance instance : List.of(a, b)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(instance.url() + "/search?k=3"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(query.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode hits = QueryJson.MAPPER.readTree(response.body()).get("hits");
            assertEquals(identity, hits.get(0).get("identity").asLong(), "its own prototype finds it first: " + hits);
            assertEquals(1.0, hits.get(0).get("score").asDouble(), 1e-4);
            assertTrue(hits.size() > 1 && hits.get(1).get("score").asDouble() < 0.999, "others score lower: " + hits);
            if (fromA == null) {
                fromA = hits;
            } else {
                assertEquals(fromA, hits, "the same hits from A and from B");
            }
        }
    }

    private static Vector prototypeOf(IdentityRecord record) {
        return record.getPrototypesList().stream().filter(p -> p.getModelVersion().equals(WalkingPeople.MODEL))
                .map(Prototype::getVector).findFirst().orElse(record.getPrototype());
    }

    private MatcherInstance instance(KafkaConnection kafka, Topics topics, String state) {
        return MatcherInstance.create(kafka, topics, config(state), "127.0.0.1", 0, null,
                new HttpAccess("127.0.0.1", TOKEN, 0));
    }

    private MatcherConfig config(String state) {
        return MatcherConfig.defaults(dir.resolve(state)).withInstance(1, null);
    }

    /** The body of the answer once it is {@code status}; 503 (rebalancing) is waited out. */
    private JsonNode answer(MatcherInstance instance, String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            HttpResponse<String> response = get(instance, path);
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                assertEquals(status, response.statusCode(), path + ": " + response.body());
                return QueryJson.MAPPER.readTree(response.body());
            }
            Thread.sleep(100);
        }
    }

    private int status(MatcherInstance instance, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            HttpResponse<String> response = get(instance, path);
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response.statusCode();
            }
            Thread.sleep(100);
        }
    }

    /** The status of one query, checking that any error comes as JSON and not as a stack trace. */
    private int probe(MatcherInstance instance, String path) {
        try {
            HttpResponse<String> response = get(instance, path);
            if (response.statusCode() != 200) {
                assertTrue(QueryJson.MAPPER.readTree(response.body()).has("error"), response.body());
            }
            return response.statusCode();
        } catch (Exception e) {
            throw new AssertionError("query " + path + " failed: " + e, e);
        }
    }

    private HttpResponse<String> get(MatcherInstance instance, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(instance.url() + path))
                        .header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean running(MatcherInstance instance) {
        return instance.streams().state() == KafkaStreams.State.RUNNING;
    }

    private static int activeTasks(MatcherInstance instance) {
        return instance.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    private static int partitionOf(String camera) {
        return Utils.toPositive(Utils.murmur2(camera.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(50);
        }
    }

    /** The track events once their number has not changed for 3 s. */
    private static List<String> awaitQuiet(KafkaConnection kafka, Topics topics) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> last = List.of();
        long stableSince = System.nanoTime();
        while (true) {
            List<String> now = tracks(kafka, topics);
            if (now.size() != last.size()) {
                last = now;
                stableSince = System.nanoTime();
            } else if (!now.isEmpty() && System.nanoTime() - stableSince > Duration.ofSeconds(3).toNanos()) {
                return now;
            }
            assertTrue(System.nanoTime() < deadline, "the matcher did not finish in time");
            Thread.sleep(200);
        }
    }

    /** The track events once there are {@code expected} of them and no more come within 2 s (none twice). */
    private static List<String> awaitCount(KafkaConnection kafka, Topics topics, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> now = tracks(kafka, topics);
        while (now.size() < expected) {
            assertTrue(System.nanoTime() < deadline, "only " + now.size() + " of " + expected + " track events");
            Thread.sleep(200);
            now = tracks(kafka, topics);
        }
        Thread.sleep(2_000);
        return tracks(kafka, topics);
    }

    private static long count(KafkaConnection kafka, Topics topics) {
        return TopicContents.read(kafka, topics.identities().name()).size();
    }

    private static List<IdentityEvent> events(KafkaConnection kafka, Topics topics) {
        return TopicContents.read(kafka, topics.identities().name()).stream()
                .map(r -> WireSerdes.IDENTITY.deserialize(r.topic(), r.value())).toList();
    }

    /**
     * One line per committed event, "camera seq box track": which track the tracker gave each
     * detection. Identities are left out (how the linker interleaves the cameras depends on
     * timing), and so are corrections, which restate earlier frames.
     */
    /**
     * Each frame's tracks, one line per (camera, frame, box, track), from every event. Which
     * frame of a track a linker correction lands on depends on how the cameras' updates
     * interleave at the linker, and a correction replaces that frame's tracking event (or
     * repeats a track's last frame when it ends), so lines are counted once whatever event
     * carried them: what must match the uninterrupted run is the tracking.
     */
    private static List<String> tracks(KafkaConnection kafka, Topics topics) {
        Set<String> lines = new TreeSet<>();
        for (IdentityEvent e : events(kafka, topics)) {
            lines.add(e.getFrame().getCamera() + " " + e.getFrame().getSeq() + " " + e.getBox().getX() + ","
                    + e.getBox().getY() + "," + e.getBox().getW() + "," + e.getBox().getH() + " track " + e.getTrackId());
        }
        return new ArrayList<>(lines);
    }

    /** Per-frame events (corrections left out, as they may repeat a track's last frame). */
    private static List<String> frameEvents(KafkaConnection kafka, Topics topics) {
        List<String> lines = new ArrayList<>();
        for (IdentityEvent e : events(kafka, topics)) {
            if (e.getState() != IdentityState.IDENTITY_CORRECTED) {
                lines.add(e.getFrame().getCamera() + " " + e.getFrame().getSeq() + " box track " + e.getTrackId());
            }
        }
        return lines;
    }

    /** Exactly once: no (camera, seq, track) twice, whatever moved between the instances. */
    private static void assertOnce(List<String> lines) {
        Map<String, Integer> seen = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            seen.merge(f[0] + " " + f[1] + " " + f[4], 1, Integer::sum);
        }
        List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(twice.isEmpty(), "events committed more than once: " + twice.subList(0, Math.min(5, twice.size())));
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    /** The last decided event: its track is still live when the input ends. */
    private static IdentityEvent lastLinkedEvent(KafkaConnection kafka, Topics topics) {
        List<IdentityEvent> all = events(kafka, topics);
        for (int i = all.size() - 1; i >= 0; i--) {
            IdentityEvent e = all.get(i);
            if (e.getIdentityId() != 0 && e.getState() != IdentityState.IDENTITY_PENDING) {
                return e;
            }
        }
        throw new AssertionError("no event was linked to an identity");
    }
}
