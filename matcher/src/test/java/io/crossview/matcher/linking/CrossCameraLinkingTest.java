package io.crossview.matcher.linking;

import io.crossview.common.kafka.KafkaConnection;
import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import com.google.protobuf.ByteString;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.IdentityState;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackletAppearance;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherTopology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linker inside the real topology: deferred decisions, corrections, constraints, model switches. */
class CrossCameraLinkingTest {
    private static final SiteTopology CONNECTED = new SiteTopology(List.of("left", "right"), List.of(),
            List.of(new SiteTopology.Connection(List.of("left", "right"), 10, 20)));
    private static final SiteTopology OVERLAPPING = new SiteTopology(List.of("left", "right"),
            List.of(new SiteTopology.Overlap(List.of("left", "right"))), List.of());

    @TempDir
    Path stateDir;

    private final Topics topics = new Topics("t.");
    private TopologyTestDriver driver;
    private TestInputTopic<String, FrameEmbeddings> embeddings;
    private TestOutputTopic<String, IdentityEvent> identities;

    private void start(SiteTopology topology) {
        start(topology, LinkerParams.defaults());
    }

    private void start(SiteTopology topology, LinkerParams params) {
        MatcherConfig config = MatcherConfig.defaults(stateDir).withLinker(params, topology);
        Properties props = MatcherTopology.streamsConfig(KafkaConnection.plain("unused:9092"), topics, config);
        driver = new TopologyTestDriver(MatcherTopology.build(topics, config), props);
        embeddings = driver.createInputTopic(topics.embeddings().name(), new StringSerializer(),
                WireSerdes.EMBEDDINGS.serializer());
        identities = driver.createOutputTopic(topics.identities().name(), Serdes.String().deserializer(),
                WireSerdes.IDENTITY.deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void walk(String camera, long firstSeq, int frames, Vector look) {
        for (int i = 0; i < frames; i++) {
            embeddings.pipeInput(camera, frame(camera, firstSeq + i, box(50 + 10 * i, 40, look)));
        }
    }

    private void empty(String camera, long firstSeq, int frames) {
        for (int i = 0; i < frames; i++) {
            embeddings.pipeInput(camera, frame(camera, firstSeq + i));
        }
    }

    private Map<String, Long> finalIdentities(List<IdentityEvent> events) {
        Map<String, Long> out = new TreeMap<>();
        events.stream().filter(e -> e.getIdentityId() != 0)
                .forEach(e -> out.put(e.getFrame().getCamera() + "/" + e.getTrackId(), e.getIdentityId()));
        return out;
    }

    /** cos(angle)·e1 + sin(angle)·e0: a look that turns from person 1 to person 0. */
    private static Vector turning(double degrees) {
        double a = Math.toRadians(degrees);
        Vector.Builder v = Vector.newBuilder();
        for (int i = 0; i < 8; i++) {
            v.addValues(i == 0 ? (float) Math.sin(a) : i == 1 ? (float) Math.cos(a) : 0f);
        }
        return v.build();
    }

    @Test
    void aDecisionOnEarlyEvidenceIsCorrectedWhenTheTrackTurnsOutToBeSomeoneKnown() {
        start(SiteTopology.NONE);
        walk("left", 0, 10, person(0));
        empty("left", 10, 12);
        // seen from an odd angle at first, then clearly: the person of the left camera
        for (int i = 0; i < 30; i++) {
            embeddings.pipeInput("right", frame("right", 22 + i, box(50 + 5 * i, 40, turning(Math.min(90, 8.0 * i)))));
        }
        List<IdentityEvent> events = identities.readValuesToList();
        long known = finalIdentities(events).get("left/1");
        IdentityEvent correction = events.stream().filter(e -> e.getState() == IdentityState.IDENTITY_CORRECTED)
                .findFirst().orElseThrow(() -> new AssertionError("no correction in " + events));
        assertEquals(known, correction.getIdentityId());
        assertNotEquals(known, correction.getPreviousIdentityId());
        assertEquals(known, finalIdentities(events).get("right/1"));
        KeyValueStore<String, IdentityRecord> gallery = driver.getKeyValueStore(LinkerProcessor.GALLERY_STORE);
        assertNull(gallery.get(LinkKeys.identity(correction.getPreviousIdentityId())),
                "the identity the track founded by mistake is gone");
    }

    /** One person on the left camera, then on the right, looking alike (cosine 0.99) both times. */
    private void onePersonOnBothCameras() {
        walk("left", 0, 10, person(1));
        empty("left", 10, 12);
        walk("right", 22, 10, turning(8));
        empty("right", 32, 40);
    }

    @Test
    void thePeriodicReassignmentJoinsWhatTheOnlineDecisionsLeftApartAndSaysSoAsACorrection() {
        // online the linker is too strict to link anything; the second look, on whole tracks, is not
        start(SiteTopology.NONE, LinkerParams.defaults().withLinkProbability(0.9999));
        onePersonOnBothCameras();
        List<IdentityEvent> events = identities.readValuesToList();
        Map<String, Long> tracks = finalIdentities(events);
        assertEquals(tracks.get("left/1"), tracks.get("right/1"));
        IdentityEvent correction = events.stream().filter(e -> e.getState() == IdentityState.IDENTITY_CORRECTED)
                .findFirst().orElseThrow(() -> new AssertionError("no correction in " + events));
        assertNotEquals(correction.getIdentityId(), correction.getPreviousIdentityId());
        KeyValueStore<String, IdentityRecord> gallery = driver.getKeyValueStore(LinkerProcessor.GALLERY_STORE);
        assertNull(gallery.get(LinkKeys.identity(correction.getPreviousIdentityId())), "the identity left empty is gone");
        IdentityRecord joined = gallery.get(LinkKeys.identity(tracks.get("left/1")));
        assertEquals(2, joined.getTracklets());
        assertEquals(List.of("left", "right"), joined.getCamerasList());
    }

    @Test
    void aLiveTrackKeepsItsCleanAppearanceOutsideItsLinkAndItsFinishedLinkCarriesTheSample() {
        start(SiteTopology.NONE);
        walk("left", 0, 10, person(1));
        KeyValueStore<String, TrackLink> links = driver.getKeyValueStore(LinkerProcessor.LINK_STORE);
        KeyValueStore<String, TrackletAppearance> live = driver.getKeyValueStore(LinkerProcessor.APPEARANCE_STORE);
        TrackLink link = links.get("left/1");
        assertEquals(0, link.getAppearanceSum().getValuesCount(), "the link written every frame holds no sum");
        int observations = link.getObservations();
        // observations 1, 4, 7, ... are sampled
        assertEquals((observations + TrackletAppearances.EVERY - 1) / TrackletAppearances.EVERY,
                live.get("left/1").getCount());
        empty("left", 10, 12);
        assertNull(live.get("left/1"), "a finished track's sample leaves the live store");
        KeyValueStore<String, TrackLink> recent = driver.getKeyValueStore(LinkerProcessor.RECENT_STORE);
        TrackLink finished = recent.get("left/1");
        assertEquals((observations + TrackletAppearances.EVERY - 1) / TrackletAppearances.EVERY,
                finished.getAppearanceCount());
        assertEquals(person(1).getValuesCount(), finished.getAppearanceSum().getValuesCount());
    }

    @Test
    void withoutTheReassignmentTheStrictLinkerKeepsThemApart() {
        start(SiteTopology.NONE, LinkerParams.defaults().withLinkProbability(0.9999).withReassign(ReassignParams.off()));
        onePersonOnBothCameras();
        Map<String, Long> tracks = finalIdentities(identities.readValuesToList());
        assertNotEquals(tracks.get("left/1"), tracks.get("right/1"));
    }

    @Test
    void anIdentityIsNeverOnTwoCamerasAtOnceThatDoNotOverlap() {
        start(CONNECTED);
        for (int i = 0; i < 10; i++) {
            // two people who look the same, at the same time, on cameras that do not overlap
            embeddings.pipeInput("left", frame("left", i, box(50 + 10 * i, 40, person(0))));
            embeddings.pipeInput("right", frame("right", i, box(50 + 10 * i, 40, person(0))));
        }
        Map<String, Long> tracks = finalIdentities(identities.readValuesToList());
        assertNotEquals(tracks.get("left/1"), tracks.get("right/1"));
    }

    @Test
    void overlappingCamerasShareThePersonTheyBothSee() {
        start(OVERLAPPING);
        for (int i = 0; i < 10; i++) {
            embeddings.pipeInput("left", frame("left", i, box(50 + 10 * i, 40, person(0))));
            embeddings.pipeInput("right", frame("right", i, box(50 + 10 * i, 40, person(0))));
        }
        Map<String, Long> tracks = finalIdentities(identities.readValuesToList());
        assertEquals(tracks.get("left/1"), tracks.get("right/1"));
    }

    @Test
    void aTransitFasterThanTheConfiguredWindowFoundsANewIdentity() {
        start(CONNECTED);
        walk("left", 0, 10, person(0));
        // 200 ms a frame: back on the right 2 s later, but the walk takes 10..20 s
        walk("right", 10, 10, person(0));
        Map<String, Long> tracks = finalIdentities(identities.readValuesToList());
        assertNotEquals(tracks.get("left/1"), tracks.get("right/1"));
    }

    @Test
    void aTransitInsideTheConfiguredWindowLinks() {
        start(CONNECTED);
        walk("left", 0, 10, person(0));
        empty("right", 10, 60);
        walk("right", 75, 10, person(0));
        Map<String, Long> tracks = finalIdentities(identities.readValuesToList());
        assertEquals(tracks.get("left/1"), tracks.get("right/1"));
    }

    @Test
    void aModelSwitchMidTrackKeepsTheIdentityAndRebuildsItsPrototypesFromTheNewModel() {
        start(SiteTopology.NONE);
        walk("left", 0, 10, person(0));
        for (int i = 10; i < 20; i++) {
            // the same walk, now embedded by model v2, whose vectors live in another space
            embeddings.pipeInput("left", frame("left", i, box(50 + 10 * i, 40, person(5))).toBuilder()
                    .setModelVersion("v2").build());
        }
        for (int i = 20; i < 32; i++) {
            embeddings.pipeInput("left", frame("left", i).toBuilder().setModelVersion("v2").build());
        }
        for (int i = 32; i < 42; i++) {
            embeddings.pipeInput("right", frame("right", i, box(50, 40, person(5))).toBuilder().setModelVersion("v2").build());
        }
        List<IdentityEvent> events = identities.readValuesToList();
        Map<String, Long> tracks = finalIdentities(events);
        assertEquals(Map.of("left/1", tracks.get("left/1"), "right/1", tracks.get("left/1")), tracks);
        assertTrue(events.stream().anyMatch(e -> e.getModelVersion().equals("v2") && e.getTrackId() == 1
                && e.getFrame().getCamera().equals("left")), "the left track went on under v2");
        KeyValueStore<String, IdentityRecord> gallery = driver.getKeyValueStore(LinkerProcessor.GALLERY_STORE);
        IdentityRecord identity = gallery.get(LinkKeys.identity(tracks.get("left/1")));
        assertTrue(Prototypes.versions(identity).contains("v2"), identity.toString());
    }

    @Test
    void aFinishedTrackSendsItsPickedCropsLabelledWithItsFinalIdentity() {
        start(SiteTopology.NONE);
        TestOutputTopic<String, HarvestedCrop> harvest = driver.createOutputTopic(topics.harvest().name(),
                Serdes.String().deserializer(), WireSerdes.HARVEST.deserializer());
        for (int i = 0; i < 40; i++) {
            EmbeddedBox seen = box(50 + 5 * i, 40, turning(2.0 * i));
            if (i % 5 == 0) {
                seen = seen.toBuilder().setCropJpeg(ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) i}))
                        .build();
            }
            embeddings.pipeInput("left", frame("left", i, seen));
        }
        assertTrue(harvest.isEmpty(), "nothing is sent while the track may still be corrected");
        empty("left", 40, 12);
        long id = finalIdentities(identities.readValuesToList()).get("left/1");
        List<org.apache.kafka.streams.test.TestRecord<String, HarvestedCrop>> crops = harvest.readRecordsToList();
        assertTrue(crops.size() >= 2 && crops.size() <= 8, "a bounded sample: " + crops.size());
        for (var crop : crops) {
            assertEquals(Long.toString(id), crop.key());
            assertEquals(id, crop.value().getIdentityId());
            assertEquals(1, crop.value().getTrackId());
            assertEquals(crop.value().getFrame().getSeq(), crop.value().getJpeg().byteAt(2) & 0xFF, "the crop of its own frame");
            assertTrue(crop.value().getQuality() > 0);
            assertEquals(8, crop.value().getEmbedding().getValuesCount());
        }
    }

    @Test
    void aFinishedTrackJoinsItsIdentitysTimeline() {
        start(SiteTopology.NONE);
        walk("left", 0, 10, person(0));
        empty("left", 10, 12);
        long id = finalIdentities(identities.readValuesToList()).get("left/1");
        IdentityRecord identity = driver.<String, IdentityRecord>getKeyValueStore(LinkerProcessor.GALLERY_STORE)
                .get(LinkKeys.identity(id));
        assertEquals(1, identity.getSightingsCount());
        assertEquals("left", identity.getSightings(0).getCamera());
        assertEquals(1, identity.getTracklets());
        assertNull(driver.getKeyValueStore(LinkerProcessor.LINK_STORE).get("left/1"));
    }

}
