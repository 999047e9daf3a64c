package io.crossview.matcher;

import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityState;
import io.crossview.matcher.linking.LinkerProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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

    private MatcherDriver matcher;
    private TopologyTestDriver driver;
    private TestInputTopic<String, FrameEmbeddings> embeddings;
    private TestOutputTopic<String, IdentityEvent> identities;

    @BeforeEach
    void start() {
        matcher = new MatcherDriver(stateDir);
        driver = matcher.driver;
        embeddings = matcher.embeddings;
        identities = matcher.identities;
    }

    @AfterEach
    void stop() {
        matcher.close();
    }

    private void walk(String camera, long firstSeq, int frames, int axis) {
        matcher.walk(camera, firstSeq, frames, axis);
    }

    private void empty(String camera, long firstSeq, int frames) {
        matcher.empty(camera, firstSeq, frames);
    }

    /** The identity each camera/track ended up with: its last decision or correction. */
    static Map<String, Long> finalIdentities(List<IdentityEvent> events) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (IdentityEvent e : events) {
            if (e.getIdentityId() != 0) {
                out.put(e.getFrame().getCamera() + "/" + e.getTrackId(), e.getIdentityId());
            }
        }
        return out;
    }

    @Test
    void aNewTrackIsPendingUntilItHasEnoughEvidenceThenDecided() {
        walk("left", 0, 10, 0);
        List<IdentityEvent> events = identities.readValuesToList();
        assertEquals(8, events.size(), "the tracker holds back the 2 frames before a track is confirmed");
        for (int i = 0; i < 4; i++) {
            assertEquals(IdentityState.IDENTITY_PENDING, events.get(i).getState());
            assertEquals(0, events.get(i).getIdentityId());
        }
        assertEquals(IdentityState.IDENTITY_NEW, events.get(4).getState());
        assertTrue(events.get(4).getIdentityId() > 0);
        events.subList(5, 8).forEach(e -> assertEquals(IdentityState.IDENTITY_TRACKED, e.getState()));
    }

    @Test
    void aPersonWalkingIntoTheNextCameraKeepsTheirIdentity() {
        walk("left", 0, 10, 0);
        walk("right", 10, 10, 0);
        List<IdentityEvent> events = identities.readValuesToList();
        assertEquals(1, Set.copyOf(finalIdentities(events).values()).size(), finalIdentities(events).toString());
        IdentityEvent decidedOnRight = events.stream().filter(e -> e.getFrame().getCamera().equals("right"))
                .filter(e -> e.getIdentityId() != 0).findFirst().orElseThrow();
        assertEquals(IdentityState.IDENTITY_MATCHED, decidedOnRight.getState());
    }

    @Test
    void aDifferentlyDressedPersonGetsANewIdentity() {
        walk("left", 0, 10, 0);
        walk("right", 10, 10, 3);
        assertEquals(2, Set.copyOf(finalIdentities(identities.readValuesToList()).values()).size());
    }

    @Test
    void twoPeopleSeenTogetherNeverShareAnIdentity() {
        // Both look alike; they appear at once on one camera and must be told apart.
        for (int i = 0; i < 10; i++) {
            embeddings.pipeInput("left", frame("left", i, box(20 + 5 * i, 40, person(2)), box(250, 40, person(2))));
        }
        assertEquals(2, Set.copyOf(finalIdentities(identities.readValuesToList()).values()).size());
    }

    @Test
    void aPersonWhoseTrackBrokeGetsTheirIdentityBack() {
        walk("left", 0, 10, 0);
        empty("left", 10, 12);
        for (int i = 22; i < 32; i++) {
            // reappears far away: a new local track, but the same person
            embeddings.pipeInput("left", frame("left", i, box(300, 200, person(0))));
        }
        Map<String, Long> tracks = finalIdentities(identities.readValuesToList());
        assertEquals(2, tracks.size());
        assertEquals(1, Set.copyOf(tracks.values()).size());
    }

    @Test
    void aLostTrackFoundAgainNeverSharesAFrameWithTheTrackThatTookItsIdentity() {
        for (int i = 0; i < 8; i++) {
            embeddings.pipeInput("left", frame("left", i, box(90, 40, person(0))));
        }
        embeddings.pipeInput("left", frame("left", 8));
        for (int i = 9; i < 17; i++) {
            // the same person appears elsewhere: a new track takes over the identity
            embeddings.pipeInput("left", frame("left", i, box(300, 200, person(0))));
        }
        for (int i = 17; i < 27; i++) {
            // and the old track is found again, next to the new one
            embeddings.pipeInput("left", frame("left", i, box(300, 200, person(0)), box(90, 40, person(0))));
        }
        Map<Long, List<Long>> identitiesPerFrame = identities.readValuesToList().stream()
                .filter(e -> e.getIdentityId() != 0)
                .collect(Collectors.groupingBy(e -> e.getFrame().getSeq(),
                        Collectors.mapping(IdentityEvent::getIdentityId, Collectors.toList())));
        identitiesPerFrame.forEach((seq, ids) -> assertEquals(Set.copyOf(ids).size(), ids.size(), "frame " + seq + ": " + ids));
    }

    @Test
    void identitiesAndLinksLiveInTheNamedStores() {
        walk("left", 0, 8, 0);
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
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(matcher.topics.embeddings().name(), new StringSerializer(),
                new ByteArraySerializer());
        raw.pipeInput("left", new byte[] {(byte) 0xff, 0x01, 0x02});
        walk("left", 0, 4, 0);
        assertEquals(2, identities.readValuesToList().size(), "two events of a confirmed track after the corrupt one");
    }
}
