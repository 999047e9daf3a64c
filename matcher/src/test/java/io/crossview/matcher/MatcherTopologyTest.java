package io.crossview.matcher;

import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityState;
import io.crossview.matcher.linking.LinkerProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherTopologyTest {
    @TempDir
    Path stateDir;

    private final Topics topics = new Topics("t.");
    private TopologyTestDriver driver;
    private TestInputTopic<String, FrameEmbeddings> embeddings;
    private TestOutputTopic<String, IdentityEvent> identities;

    @BeforeEach
    void start() {
        MatcherConfig config = MatcherConfig.defaults(stateDir);
        Properties props = MatcherTopology.streamsConfig("unused:9092", topics, config);
        driver = new TopologyTestDriver(MatcherTopology.build(topics, config), props);
        embeddings = driver.createInputTopic(topics.embeddings().name(), new StringSerializer(),
                WireSerdes.EMBEDDINGS.serializer());
        identities = driver.createOutputTopic(topics.identities().name(), Serdes.String().deserializer(),
                WireSerdes.IDENTITY.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void walk(String camera, long firstSeq, int frames, int axis) {
        for (int i = 0; i < frames; i++) {
            embeddings.pipeInput(camera, frame(camera, firstSeq + i, box(50 + 10 * i, 40, person(axis))));
        }
    }

    @Test
    void aPersonWalkingIntoTheNextCameraKeepsTheirIdentity() {
        walk("left", 0, 6, 0);
        walk("right", 6, 6, 0);
        List<IdentityEvent> events = identities.readValuesToList();
        assertEquals(8, events.size(), "3 frames of evidence per track hold back 2 events per camera");
        Set<Long> ids = events.stream().map(IdentityEvent::getIdentityId).collect(Collectors.toSet());
        assertEquals(Set.of(events.get(0).getIdentityId()), ids);
        assertEquals(IdentityState.IDENTITY_NEW, events.get(0).getState());
        IdentityEvent firstOnRight = events.stream().filter(e -> e.getFrame().getCamera().equals("right")).findFirst().orElseThrow();
        assertEquals(IdentityState.IDENTITY_MATCHED, firstOnRight.getState());
    }

    @Test
    void aDifferentlyDressedPersonGetsANewIdentity() {
        walk("left", 0, 6, 0);
        walk("right", 6, 6, 3);
        List<IdentityEvent> events = identities.readValuesToList();
        long left = events.get(0).getIdentityId();
        long right = events.get(events.size() - 1).getIdentityId();
        assertNotEquals(left, right);
        assertEquals(IdentityState.IDENTITY_NEW, events.get(events.size() - 4).getState());
    }

    @Test
    void twoPeopleSeenTogetherNeverShareAnIdentity() {
        // Both look alike; they appear at once on one camera and must be told apart.
        for (int i = 0; i < 5; i++) {
            embeddings.pipeInput("left", frame("left", i, box(20 + 5 * i, 40, person(2)), box(250, 40, person(2))));
        }
        Set<Long> ids = identities.readValuesToList().stream().map(IdentityEvent::getIdentityId).collect(Collectors.toSet());
        assertEquals(2, ids.size());
    }

    @Test
    void aPersonWhoseTrackBrokeGetsTheirIdentityBack() {
        walk("left", 0, 5, 0);
        for (int i = 5; i < 15; i++) {
            // gone longer than the tracker keeps a lost track
            embeddings.pipeInput("left", frame("left", i));
        }
        for (int i = 15; i < 19; i++) {
            // reappears far away: a new local track, but the same person
            embeddings.pipeInput("left", frame("left", i, box(300, 200, person(0))));
        }
        List<IdentityEvent> events = identities.readValuesToList();
        Set<Long> tracks = events.stream().map(IdentityEvent::getTrackId).collect(Collectors.toSet());
        Set<Long> ids = events.stream().map(IdentityEvent::getIdentityId).collect(Collectors.toSet());
        assertEquals(2, tracks.size());
        assertEquals(1, ids.size());
    }

    @Test
    void aLostTrackFoundAgainNeverSharesAFrameWithTheTrackThatTookItsIdentity() {
        for (int i = 0; i < 4; i++) {
            embeddings.pipeInput("left", frame("left", i, box(90, 40, person(0))));
        }
        embeddings.pipeInput("left", frame("left", 4));
        for (int i = 5; i < 9; i++) {
            // the same person appears elsewhere: a new track takes over the identity
            embeddings.pipeInput("left", frame("left", i, box(300, 200, person(0))));
        }
        for (int i = 9; i < 12; i++) {
            // and the old track is found again, next to the new one
            embeddings.pipeInput("left", frame("left", i, box(300, 200, person(0)), box(90, 40, person(0))));
        }
        Map<Long, List<Long>> identitiesPerFrame = identities.readValuesToList().stream().collect(Collectors.groupingBy(
                e -> e.getFrame().getSeq(), Collectors.mapping(IdentityEvent::getIdentityId, Collectors.toList())));
        identitiesPerFrame.forEach((seq, ids) -> assertEquals(Set.copyOf(ids).size(), ids.size(), "frame " + seq + ": " + ids));
    }

    @Test
    void identitiesAndLinksLiveInTheNamedStores() {
        walk("left", 0, 5, 0);
        KeyValueStore<String, ?> gallery = driver.getKeyValueStore(LinkerProcessor.GALLERY_STORE);
        KeyValueStore<String, ?> links = driver.getKeyValueStore(LinkerProcessor.LINK_STORE);
        int identities = 0;
        try (var all = gallery.all()) {
            while (all.hasNext()) {
                all.next();
                identities++;
            }
        }
        assertEquals(1, identities);
        assertTrue(links.get("left/1") != null);
    }

    @Test
    void aCorruptRecordIsSkippedAndTheNextOneIsProcessed() {
        // TopologyTestDriver does not deliver dead-letter records; DeadLetterHandlerTest checks
        // the record and the end-to-end test sees it arrive on a real broker.
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(topics.embeddings().name(), new StringSerializer(),
                new ByteArraySerializer());
        raw.pipeInput("left", new byte[] {(byte) 0xff, 0x01, 0x02});
        walk("left", 0, 4, 0);
        assertEquals(2, identities.readValuesToList().size());
    }
}
