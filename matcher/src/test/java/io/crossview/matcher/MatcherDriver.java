package io.crossview.matcher;

import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.IdentityEvent;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The whole matcher topology on a test driver, with people walking in front of its cameras. */
final class MatcherDriver implements AutoCloseable {
    final Topics topics = new Topics("t.");
    final TopologyTestDriver driver;
    final TestInputTopic<String, FrameEmbeddings> embeddings;
    final TestOutputTopic<String, IdentityEvent> identities;

    MatcherDriver(Path stateDir) {
        MatcherConfig config = MatcherConfig.defaults(stateDir);
        Properties props = MatcherTopology.streamsConfig(KafkaConnection.plain("unused:9092"), topics, config);
        driver = new TopologyTestDriver(MatcherTopology.build(topics, config), props);
        embeddings = driver.createInputTopic(topics.embeddings().name(), new StringSerializer(),
                WireSerdes.EMBEDDINGS.serializer());
        identities = driver.createOutputTopic(topics.identities().name(), Serdes.String().deserializer(),
                WireSerdes.IDENTITY.deserializer());
    }

    /** One person (looks {@code axis}) crossing the camera's view, one frame each. */
    void walk(String camera, long firstSeq, int frames, int axis) {
        for (int i = 0; i < frames; i++) {
            embeddings.pipeInput(camera, frame(camera, firstSeq + i, box(50 + 10 * i, 40, person(axis))));
        }
    }

    /** Frames with nobody in them: long enough and every lost track ends. */
    void empty(String camera, long firstSeq, int frames) {
        for (int i = 0; i < frames; i++) {
            embeddings.pipeInput(camera, frame(camera, firstSeq + i));
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
