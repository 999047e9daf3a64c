package io.crossview.matcher;

import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityErasure;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityState;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.serde.WireSchema;
import io.crossview.matcher.harvest.HarvestBuffer;
import io.crossview.matcher.linking.LinkerProcessor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crossview identities erase}: the matcher forgets one person in every store and says so on harvest. */
class ErasureTopologyTest {
    @TempDir
    Path stateDir;

    private MatcherDriver matcher;
    private TopologyTestDriver driver;
    private TestInputTopic<String, FrameEmbeddings> embeddings;
    private TestInputTopic<String, IdentityErasure> erasures;
    private TestOutputTopic<String, IdentityEvent> identities;
    private TestOutputTopic<String, HarvestedCrop> harvest;

    @BeforeEach
    void start() {
        matcher = new MatcherDriver(stateDir);
        driver = matcher.driver;
        embeddings = matcher.embeddings;
        identities = matcher.identities;
        erasures = driver.createInputTopic(matcher.topics.erasures().name(), new StringSerializer(), WireSerdes.ERASURE.serializer());
        harvest = driver.createOutputTopic(matcher.topics.harvest().name(), Serdes.String().deserializer(),
                WireSerdes.HARVEST.deserializer());
    }

    @AfterEach
    void stop() {
        matcher.close();
    }

    private void walk(String camera, long firstSeq, int frames, int axis) {
        matcher.walk(camera, firstSeq, frames, axis);
    }

    private static long decided(List<IdentityEvent> events) {
        return events.stream().filter(e -> e.getIdentityId() != 0).findFirst().orElseThrow().getIdentityId();
    }

    private List<String> linksOf(String store, long identity) {
        KeyValueStore<String, TrackLink> links = driver.getKeyValueStore(store);
        List<String> keys = new ArrayList<>();
        try (var all = links.all()) {
            all.forEachRemaining(e -> {
                if (e.value.getIdentityId() == identity) {
                    keys.add(e.key);
                }
            });
        }
        return keys;
    }

    @Test
    void aTrackOfThePersonStillInViewGoesOnUnderAnotherIdentity() {
        walk("left", 0, 10, 0);
        long erased = decided(identities.readValuesToList());
        erasures.pipeInput("request", IdentityErasure.newBuilder().setSchemaVersion(WireSchema.VERSION)
                .setIdentityId(erased).setRequestedMs(1).build());
        walk("left", 10, 10, 0);
        List<IdentityEvent> after = identities.readValuesToList();
        assertTrue(after.stream().noneMatch(e -> e.getIdentityId() == erased), "never the erased id again: " + after.stream()
                .map(e -> e.getState() + ":" + e.getIdentityId()).toList());
    }

    @Test
    void anErasedPersonIsInNoStoreAnyMoreTheirCropsAreTombstonedAndTheyComeBackAsSomeoneNew() {
        walk("left", 0, 10, 0);
        long erased = decided(identities.readValuesToList());
        walk("left", 10, 30, 0); // a long track: crops wait in the harvest buffer for it to end
        assertTrue(driver.getKeyValueStore(LinkerProcessor.GALLERY_STORE).get(Long.toString(erased)) != null);
        assertEquals(1, linksOf(LinkerProcessor.LINK_STORE, erased).size(), "the person's live track is linked");
        harvest.readKeyValuesToList();

        erasures.pipeInput("request", IdentityErasure.newBuilder().setSchemaVersion(WireSchema.VERSION)
                .setIdentityId(erased).setRequestedMs(1).build());

        assertNull(driver.getKeyValueStore(LinkerProcessor.GALLERY_STORE).get(Long.toString(erased)), "gallery and timeline");
        assertEquals(List.of(), linksOf(LinkerProcessor.LINK_STORE, erased), "live links");
        assertEquals(List.of(), linksOf("recent-tracklets", erased), "finished links");
        KeyValueStore<String, HarvestedCrop> buffer = driver.getKeyValueStore(HarvestBuffer.STORE);
        try (var all = buffer.all()) {
            assertTrue(!all.hasNext(), "the harvest buffer held only the erased person's crops, and holds none now");
        }
        List<KeyValue<String, HarvestedCrop>> tombstones = harvest.readKeyValuesToList();
        assertEquals(List.of(KeyValue.pair(Long.toString(erased), (HarvestedCrop) null)), tombstones,
                "one tombstone on harvest, for the crop store");

        matcher.empty("left", 40, 40); // the track ends
        identities.readValuesToList();
        walk("right", 100, 10, 0);
        List<IdentityEvent> after = identities.readValuesToList();
        IdentityEvent again = after.stream().filter(e -> e.getIdentityId() != 0).findFirst().orElseThrow();
        assertEquals(IdentityState.IDENTITY_NEW, again.getState(), "nobody in the gallery to match");
        assertNotEquals(erased, again.getIdentityId());
    }
}
