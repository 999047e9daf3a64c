package io.crossview.matcher.linking;

import io.crossview.common.kafka.KafkaConnection;
import static io.crossview.matcher.Fixtures.MODEL;
import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.calibration.SimilarityBins;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.SimilarityCounts;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherTopology;
import io.crossview.matcher.calibration.Calibrations;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairs the linker counts for its model's calibration, kept in the topology's store. */
class CalibrationPairsTest {
    @TempDir
    Path stateDir;

    @Test
    void twoPeopleSeenTogetherGiveSamePersonAndDifferentPeoplePairsInTheStore() {
        Topics topics = new Topics("t.");
        MatcherConfig config = MatcherConfig.defaults(stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(MatcherTopology.build(topics, config),
                MatcherTopology.streamsConfig(KafkaConnection.plain("unused:9092"), topics, config))) {
            TestInputTopic<String, FrameEmbeddings> in = driver.createInputTopic(topics.embeddings().name(),
                    new StringSerializer(), WireSerdes.EMBEDDINGS.serializer());
            for (int i = 0; i < 60; i++) {
                in.pipeInput("left", frame("left", i, box(50 + 2 * i, 40, person(0)), box(400 - 2 * i, 40, person(1))));
            }
            KeyValueStore<String, SimilarityCounts> store = driver.getKeyValueStore(Calibrations.STORE);
            SimilarityCounts counts = store.get(MODEL);
            assertNotNull(counts, "no counts for the model");
            long same = counts.getSameTrackList().stream().mapToLong(Long::longValue).sum();
            long others = counts.getCoOccurringList().stream().mapToLong(Long::longValue).sum();
            assertTrue(same >= 8, "same-track pairs " + same);
            assertTrue(others >= 8, "co-occurring pairs " + others);
            // person(0) and person(1) are orthogonal, each track always looks like itself
            assertEquals(same, counts.getSameTrack(SimilarityBins.BINS - 1) + counts.getSameTrack(SimilarityBins.BINS - 2));
            assertEquals(others, counts.getCoOccurring(SimilarityBins.of(0)));
        }
    }
}
