package io.crossview.matcher.calibration;

import io.crossview.common.kafka.KafkaConnection;
import static io.crossview.matcher.Fixtures.MODEL;
import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.calibration.Logistic;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.ModelCalibration;
import io.crossview.common.wire.SimilarityCounts;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherTopology;
import io.crossview.matcher.tracking.TrackerProcessor;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's own calibration, carried on its embeddings, as the prior of the tracker's and the
 * linker's books: used until the stream has enough pairs, then the stream's fit.
 */
class CalibrationsTest {
    /** A model whose same-track pairs sit near 0.8: P = 0.5 at 0.7, and between tracks at 0.6. */
    private static final ModelCalibration LOW = ModelCalibration.newBuilder()
            .setSameTrackSlope(40).setSameTrackIntercept(-40 * 0.7)
            .setBetweenSlope(30).setBetweenIntercept(-30 * 0.6)
            .setPositivePairs(500).setNegativePairs(5000).build();

    @TempDir
    Path stateDir;

    private final Topics topics = new Topics("t.");

    private static FrameEmbeddings carrying(FrameEmbeddings frame, ModelCalibration calibration) {
        return calibration == null ? frame : frame.toBuilder().setCalibration(calibration).build();
    }

    /** Four people standing side by side on one camera, for {@code frames} frames from {@code first}. */
    private static void standing(TestInputTopic<String, FrameEmbeddings> in, int first, int frames,
                                 ModelCalibration calibration) {
        for (int i = first; i < first + frames; i++) {
            in.pipeInput("cam", carrying(frame("cam", i, box(20, 40, person(0)), box(110, 40, person(1)),
                    box(200, 40, person(2)), box(290, 40, person(3))), calibration));
        }
    }

    private static Calibration fitted(TopologyTestDriver driver, String store) {
        KeyValueStore<String, SimilarityCounts> counts = driver.getKeyValueStore(store);
        SimilarityCounts mine = counts.get(MODEL);
        assertNotNull(mine, "no counts in " + store);
        return CalibrationFit.fit(mine);
    }

    @Test
    void theModelsOwnCalibrationIsThePriorOfBothBooksUntilTheStreamHasEnoughPairs() {
        MatcherConfig config = MatcherConfig.defaults(stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(MatcherTopology.build(topics, config),
                MatcherTopology.streamsConfig(KafkaConnection.plain("unused:9092"), topics, config))) {
            TestInputTopic<String, FrameEmbeddings> in = driver.createInputTopic(topics.embeddings().name(),
                    new StringSerializer(), WireSerdes.EMBEDDINGS.serializer());
            standing(in, 0, 12, LOW);
            for (String store : List.of(TrackerProcessor.CALIBRATION_STORE, Calibrations.STORE)) {
                Calibration before = fitted(driver, store);
                assertEquals(Calibration.METADATA, before.source(), store);
                assertEquals(new Logistic(40, -40 * 0.7), before.sameTrack(), store);
                assertEquals(0.6, before.between().midpoint(), 1e-9, store);
            }

            // every pair of these tracks is 1 (same person) or 0 (two people): the stream fits its own curves
            standing(in, 12, 200, LOW);
            for (String store : List.of(TrackerProcessor.CALIBRATION_STORE, Calibrations.STORE)) {
                Calibration after = fitted(driver, store);
                assertEquals(Calibration.STREAM, after.source(), store);
                assertTrue(after.sameTrackPairs() >= CalibrationFit.MIN_PAIRS, store + " " + after);
                double mid = after.sameTrack().midpoint();
                assertTrue(mid > 0.1 && mid < 0.9 && Math.abs(mid - 0.7) > 0.05, store + " midpoint " + mid);
            }
        }
    }

    @Test
    void aModelWithoutCalibrationKeepsTheDefaults() {
        MatcherConfig config = MatcherConfig.defaults(stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(MatcherTopology.build(topics, config),
                MatcherTopology.streamsConfig(KafkaConnection.plain("unused:9092"), topics, config))) {
            TestInputTopic<String, FrameEmbeddings> in = driver.createInputTopic(topics.embeddings().name(),
                    new StringSerializer(), WireSerdes.EMBEDDINGS.serializer());
            standing(in, 0, 12, null);
            for (String store : List.of(TrackerProcessor.CALIBRATION_STORE, Calibrations.STORE)) {
                KeyValueStore<String, SimilarityCounts> counts = driver.getKeyValueStore(store);
                assertFalse(counts.get(MODEL).hasPrior(), store);
                assertEquals(Calibration.defaults(), fitted(driver, store), store);
            }
        }
    }

    @Test
    void theTrackerTakesAPersonBackByTheModelsCalibrationBeforeTheStreamHasPairs() {
        // the person comes back elsewhere at cosine 0.8 to their track: under the model's curve
        // (P = 0.5 at 0.7) the same track, under the defaults (0.93) a stranger not yet reported
        assertEquals(List.of(1L, 1L), trackIdsAtReturn(LOW));
        assertEquals(List.of(1L), trackIdsAtReturn(null));
    }

    @Test
    void theLinkerJoinsAnotherSightingByTheModelsBetweenCurveBeforeTheStreamHasPairs() {
        // seen again on another camera at cosine 0.75: P(same) 0.99 under the model's curve
        // (0.5 at 0.6), 0.001 under the defaults (0.5 at 0.90)
        assertEquals(1, identitiesOfOnePersonSeenTwice(LOW));
        assertEquals(2, identitiesOfOnePersonSeenTwice(null));
    }

    private long identitiesOfOnePersonSeenTwice(ModelCalibration calibration) {
        MatcherConfig config = MatcherConfig.defaults(stateDir.resolve(calibration == null ? "plain" : "calibrated"));
        try (TopologyTestDriver driver = new TopologyTestDriver(MatcherTopology.build(topics, config),
                MatcherTopology.streamsConfig(KafkaConnection.plain("unused:9092"), topics, config))) {
            TestInputTopic<String, FrameEmbeddings> in = driver.createInputTopic(topics.embeddings().name(),
                    new StringSerializer(), WireSerdes.EMBEDDINGS.serializer());
            TestOutputTopic<String, IdentityEvent> out = driver.createOutputTopic(topics.identities().name(),
                    Serdes.String().deserializer(), WireSerdes.IDENTITY.deserializer());
            Vector elsewhere = Vector.newBuilder().addValues(0.75f).addValues((float) Math.sqrt(1 - 0.75 * 0.75))
                    .addAllValues(Collections.nCopies(6, 0f)).build();
            for (int i = 0; i < 10; i++) {
                in.pipeInput("left", carrying(frame("left", i, box(50 + 10 * i, 40, person(0))), calibration));
            }
            for (int i = 10; i < 22; i++) {
                in.pipeInput("left", carrying(frame("left", i), calibration));
            }
            for (int i = 22; i < 32; i++) {
                in.pipeInput("right", carrying(frame("right", i, box(50 + 10 * i - 220, 40, elsewhere)), calibration));
            }
            return out.readValuesToList().stream().mapToLong(IdentityEvent::getIdentityId).filter(id -> id != 0)
                    .distinct().count();
        }
    }

    /** The tracks reported for the frame the person comes back in (the first walk's frames first). */
    private List<Long> trackIdsAtReturn(ModelCalibration calibration) {
        MatcherConfig config = MatcherConfig.defaults(stateDir.resolve(calibration == null ? "plain" : "calibrated"));
        try (TopologyTestDriver driver = new TopologyTestDriver(MatcherTopology.build(topics, config),
                MatcherTopology.streamsConfig(KafkaConnection.plain("unused:9092"), topics, config))) {
            TestInputTopic<String, FrameEmbeddings> in = driver.createInputTopic(topics.embeddings().name(),
                    new StringSerializer(), WireSerdes.EMBEDDINGS.serializer());
            TestOutputTopic<String, IdentityEvent> out = driver.createOutputTopic(topics.identities().name(),
                    Serdes.String().deserializer(), WireSerdes.IDENTITY.deserializer());
            Vector back = Vector.newBuilder().addValues(0.8f).addValues(0.6f)
                    .addAllValues(Collections.nCopies(6, 0f)).build();
            for (int i = 0; i < 4; i++) {
                in.pipeInput("cam", carrying(frame("cam", i, box(100, 50, person(0))), calibration));
            }
            for (int i = 4; i < 7; i++) {
                in.pipeInput("cam", carrying(frame("cam", i), calibration));
            }
            in.pipeInput("cam", carrying(frame("cam", 7, box(180, 80, back)), calibration));
            return out.readValuesToList().stream()
                    .filter(e -> e.getFrame().getSeq() == 3 || e.getFrame().getSeq() == 7)
                    .map(IdentityEvent::getTrackId).toList();
        }
    }
}
