package io.crossview.deploy.bench;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.deploy.run.IdentityLines;
import io.crossview.deploy.run.MotResults;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherTopology;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.crossview.common.wire.SimilarityCounts;
import io.crossview.matcher.calibration.Calibration;
import io.crossview.matcher.calibration.CalibrationFit;
import io.crossview.matcher.calibration.Calibrations;
import io.crossview.matcher.tracking.TrackerProcessor;
import org.apache.kafka.streams.state.KeyValueStore;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The matcher topology, with its real RocksDB stores and serdes, driven synchronously over a
 * recorded run's embeddings: the same identities a broker run would give for the same input
 * order, in seconds, so linker settings can be compared on one fixed input.
 */
final class MatcherReplay {
    private MatcherReplay() {
    }

    /** What a replay wrote: {@code identities.jsonl} and {@code mot/<camera>.txt} under {@code out}. */
    record Result(Path identities, Path mot, long events, double seconds, Map<String, Calibration> calibrations,
                  Map<String, Calibration> trackerCalibrations) {
    }

    static Result run(List<FrameEmbeddings> frames, MatcherConfig config, Path out) throws IOException {
        Files.createDirectories(out);
        Topics topics = new Topics("");
        Properties props = MatcherTopology.streamsConfig(KafkaConnection.plain("replay:9092"), topics, config);
        Path identities = out.resolve("identities.jsonl");
        long events = 0;
        long start = System.nanoTime();
        Map<String, Calibration> calibrations = new TreeMap<>();
        Map<String, Calibration> trackerCalibrations = new TreeMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(MatcherTopology.build(topics, config), props);
             BufferedWriter jsonl = Files.newBufferedWriter(identities)) {
            TestInputTopic<String, FrameEmbeddings> in = driver.createInputTopic(topics.embeddings().name(),
                    new StringSerializer(), WireSerdes.EMBEDDINGS.serializer());
            TestOutputTopic<String, IdentityEvent> outTopic = driver.createOutputTopic(topics.identities().name(),
                    new StringDeserializer(), WireSerdes.IDENTITY.deserializer());
            for (FrameEmbeddings frame : frames) {
                in.pipeInput(frame.getFrame().getCamera(), frame);
                for (IdentityEvent event : outTopic.readValuesToList()) {
                    jsonl.write(IdentityLines.line(event));
                    jsonl.newLine();
                    events++;
                }
            }
            fitted(driver.getKeyValueStore(Calibrations.STORE), calibrations);
            fitted(driver.getKeyValueStore(TrackerProcessor.CALIBRATION_STORE), trackerCalibrations);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path mot = out.resolve("mot");
        MotResults.write(identities, mot);
        return new Result(identities, mot, events, seconds, calibrations, trackerCalibrations);
    }

    private static void fitted(KeyValueStore<String, SimilarityCounts> counts, Map<String, Calibration> out) {
        try (var all = counts.all()) {
            all.forEachRemaining(kv -> out.put(kv.key, CalibrationFit.fit(kv.value)));
        }
    }
}
