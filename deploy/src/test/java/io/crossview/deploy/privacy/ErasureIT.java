package io.crossview.deploy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.wire.FrameEmbeddings;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import io.crossview.common.kafka.StageLoop;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.TrackLink;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.cli.CrossviewCli;
import io.crossview.deploy.query.MatcherInstance;
import io.crossview.deploy.stages.Stages;
import io.crossview.deploy.testing.TopicContents;
import io.crossview.deploy.testing.WalkingPeople;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.harvest.HarvestBuffer;
import io.crossview.matcher.linking.LinkerProcessor;
import io.crossview.matcher.query.HttpAccess;
import io.crossview.matcher.query.QueryJson;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.CropStoreSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crossview identities erase} on a running system: a matcher and a crop collector on a
 * real broker. Afterwards the person is looked for everywhere CrossView keeps people.
 */
@Tag("integration")
class ErasureIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void anErasedPersonIsFoundNowhereAfterwardsAndEveryoneElseStays() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"));
             CropStore store = CropStore.open(dir.resolve("crops"), new CropStoreSettings(100, Duration.ofDays(365)))) {
            KafkaConnection kafka = broker.connection();
            Topics topics = new Topics("erase.");
            TopicAdmin.ensure(kafka, topics, 2, (short) 1);
            WalkingPeople.produce(kafka, topics.embeddings().name(), withCrops(WalkingPeople.frames(900)));
            MatcherInstance matcher = MatcherInstance.create(kafka, topics,
                    MatcherConfig.defaults(dir.resolve("matcher")), "127.0.0.1", 0, null, HttpAccess.LOCAL);
            try (StageLoop collector = Stages.cropCollector(kafka, topics, store)) {
                Thread collecting = new Thread(collector, "crops");
                collecting.start();
                matcher.start();
                await(() -> cropsByIdentity(store).size() >= 2 && matcher.streams().state() == KafkaStreams.State.RUNNING,
                        () -> "crops of two people or more in the crop store (" + matcher.streams().state() + ", harvest "
                                + TopicAdmin.records(kafka, topics.harvest().name()) + ", identities "
                                + TopicAdmin.records(kafka, topics.identities().name()) + ", collector "
                                + collector.processed() + "/" + collector.failed() + ")");
                Map<Long, Integer> before = cropsByIdentity(store);
                long person = before.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                await(() -> status("/identities/" + person + "/timeline", matcher) == 200, "the person's timeline");
                IdentityRecord record = gallery(matcher).get(Long.toString(person));
                List<String> theirTracks = linksOf(matcher, LinkerProcessor.LINK_STORE, person);

                StringWriter err = new StringWriter();
                int rc = CrossviewCli.run(new PrintWriter(err, true), "identities", "erase", Long.toString(person),
                        "--bootstrap", kafka.bootstrap(), "--topic-prefix", topics.prefix(), "--partitions", "2");
                assertEquals(0, rc, err.toString());

                await(() -> status("/identities/" + person + "/timeline", matcher) == 404, "the timeline is gone");
                await(() -> !cropsByIdentity(store).containsKey(person), "the crop store has none of their crops");
                assertNull(gallery(matcher).get(Long.toString(person)), "gallery");
                assertEquals(List.of(), linksOf(matcher, LinkerProcessor.LINK_STORE, person), "live track links");
                assertEquals(List.of(), linksOf(matcher, "recent-tracklets", person), "finished track links");
                ReadOnlyKeyValueStore<String, Object> buffer = store(matcher, HarvestBuffer.STORE);
                try (var all = buffer.all()) {
                    all.forEachRemaining(e -> assertTrue(theirTracks.stream().noneMatch(t -> e.key.startsWith(t + "/")),
                            "a crop of theirs still in the harvest buffer: " + e.key));
                }
                JsonNode hits = search(matcher, record);
                for (JsonNode hit : hits) {
                    assertTrue(hit.get("identity").asLong() != person, "search still finds them: " + hits);
                }
                assertTrue(hits.size() > 0, "search still finds the others: " + hits);
                Map<Long, Integer> after = cropsByIdentity(store);
                before.remove(person);
                before.forEach((other, crops) -> assertTrue(after.getOrDefault(other, 0) >= crops,
                        "identity " + other + " keeps its crops"));
                assertTrue(tombstoned(kafka, topics.harvest().name(), person), "a tombstone on harvest");
                assertTrue(tombstoned(kafka, topics.prefix() + "crossview-matcher-" + LinkerProcessor.GALLERY_STORE
                        + "-changelog", person), "a tombstone in the gallery's changelog");
                collector.close();
                collecting.join(10_000);
            } finally {
                matcher.close(Duration.ofSeconds(20));
            }
        }
    }

    /**
     * The frames captured from now on (the crop store refuses crops older than its retention),
     * with a crop on every box of every 5th frame, as the embedder forwards them for harvesting.
     */
    private static List<FrameEmbeddings> withCrops(List<FrameEmbeddings> frames) {
        List<FrameEmbeddings> out = new ArrayList<>();
        long shift = System.currentTimeMillis() - frames.get(0).getFrame().getCaptureMs();
        for (FrameEmbeddings original : frames) {
            FrameEmbeddings frame = original.toBuilder().setFrame(original.getFrame().toBuilder()
                    .setCaptureMs(original.getFrame().getCaptureMs() + shift)).build();
            long seq = frame.getFrame().getSeq();
            if (seq % 5 != 0) {
                out.add(frame);
                continue;
            }
            FrameEmbeddings.Builder withCrops = frame.toBuilder();
            for (int b = 0; b < withCrops.getBoxesCount(); b++) {
                // a picture of its own per crop: the store keeps one copy of identical pictures
                try (Mat crop = new Mat(32, 16, opencv_core.CV_8UC3, new Scalar(seq % 251, seq / 251 * 7 % 251,
                        30 * b + (frame.getFrame().getCamera().equals("east") ? 0 : 15), 0))) {
                    withCrops.setBoxes(b, withCrops.getBoxes(b).toBuilder()
                            .setCropJpeg(ByteString.copyFrom(Jpeg.encode(crop, 90))));
                }
            }
            out.add(withCrops.build());
        }
        return out;
    }

    private static Map<Long, Integer> cropsByIdentity(CropStore store) {
        Map<Long, Integer> counts = new HashMap<>();
        try {
            store.forEach(crop -> counts.merge(crop.getIdentityId(), 1, Integer::sum));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static boolean tombstoned(KafkaConnection kafka, String topic, long identity) {
        byte[] key = Long.toString(identity).getBytes(StandardCharsets.UTF_8);
        return TopicContents.read(kafka, topic).stream()
                .anyMatch(r -> r.value() == null && r.key() != null && java.util.Arrays.equals(r.key(), key));
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(MatcherInstance matcher, String name) {
        return matcher.streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private static ReadOnlyKeyValueStore<String, IdentityRecord> gallery(MatcherInstance matcher) {
        return store(matcher, LinkerProcessor.GALLERY_STORE);
    }

    private static List<String> linksOf(MatcherInstance matcher, String name, long identity) {
        List<String> keys = new ArrayList<>();
        ReadOnlyKeyValueStore<String, TrackLink> links = store(matcher, name);
        try (var all = links.all()) {
            all.forEachRemaining(e -> {
                if (e.value.getIdentityId() == identity) {
                    keys.add(e.key);
                }
            });
        }
        return keys;
    }

    /** What /search answers for the person's own appearance. */
    private JsonNode search(MatcherInstance matcher, IdentityRecord record) throws Exception {
        ObjectNode query = QueryJson.MAPPER.createObjectNode().put("model_version", WalkingPeople.MODEL);
        ArrayNode vector = query.putArray("vector");
        var prototype = record.getPrototypesList().stream().filter(p -> p.getModelVersion().equals(WalkingPeople.MODEL))
                .findFirst().orElseThrow().getVector();
        prototype.getValuesList().forEach(vector::add);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(matcher.url() + "/search?k=10"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return QueryJson.MAPPER.readTree(response.body()).get("hits");
    }

    private int status(String path, MatcherInstance matcher) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(matcher.url() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "waited in vain for: " + what.get());
            Thread.sleep(200);
        }
    }
}
