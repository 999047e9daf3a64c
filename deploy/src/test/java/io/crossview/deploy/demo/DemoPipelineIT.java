package io.crossview.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.DeadLetter;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.testing.CorruptFrame;
import io.crossview.deploy.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on real video through a real broker. */
@Tag("integration")
class DemoPipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aShortClipComesOutAsIdentitiesThatAnotherKafkaClientReadsAndACorruptFrameIsDeadLettered() throws Exception {
        Path video = SampleVideo.vtest();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            Topics topics = Topics.defaults();
            TopicAdmin.ensure(broker.connection(), topics, 1, (short) 1);
            CorruptFrame.send(broker.connection(), topics);

            DemoSettings settings = new DemoSettings(video, dir.resolve("out"), broker.connection(), "", 5, 100, 40);
            RunResult result = new DemoPipeline(settings, new PrintStream(new ByteArrayOutputStream())).run();

            assertEquals(2, result.cameras());
            assertEquals(40, result.frames(), "20 sampled source frames, two cameras each");
            assertTrue(result.detections() > 20, "people are detected: " + result);
            assertTrue(result.identities() > 0 && result.identityEvents() > 0, result.toString());
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(settings.out().resolve("identities.jsonl"))) {
                lines.add(JSON.readTree(line));
            }
            assertEquals(result.identityEvents(), lines.size());
            assertTrue(lines.stream().allMatch(l -> l.get("identity").asLong() >= 0 && l.has("box")));
            java.util.Set<String> decided = new java.util.HashSet<>();
            lines.stream().filter(l -> l.get("identity").asLong() > 0)
                    .forEach(l -> decided.add(l.get("camera").asText() + "/" + l.get("track").asLong()));
            long rightBoxes = lines.stream().filter(l -> l.get("camera").asText().equals("right"))
                    .filter(l -> decided.contains("right/" + l.get("track").asLong()))
                    .map(l -> l.get("track").asLong() + "#" + l.get("seq").asLong()).distinct().count();
            assertEquals(rightBoxes, Files.readAllLines(settings.out().resolve("mot/right.txt")).size(),
                    "one MOTChallenge row per box of a decided track");
            try (var pngs = Files.list(settings.out())) {
                assertTrue(pngs.anyMatch(p -> p.toString().endsWith(".png")), "annotated frames are written");
            }

            DeadLetter letter = readOne(broker.connection(), topics.deadLetters().name());
            assertEquals(topics.frames().name(), letter.getTopic());
            assertEquals("detector", letter.getStage());
            assertEquals("not a frame", letter.getOriginalValue().toStringUtf8());

            List<String> cameras = lines.stream().map(l -> l.get("camera").asText()).toList();
            assertEquals(sorted(cameras), sorted(consoleConsumerKeys(broker.connection(), topics.identities().name(), lines.size())));
        }
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static DeadLetter readOne(KafkaConnection kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumer("it-dead"))) {
            consumer.assign(consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    return WireSerdes.DEAD_LETTER.deserialize(topic, r.value());
                }
            }
        }
        throw new AssertionError("nothing arrived on " + topic);
    }

    /** Kafka's own console consumer, in its own JVM: a client that is not ours. */
    private static List<String> consoleConsumerKeys(KafkaConnection kafka, String topic, int expected) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.consumer.ConsoleConsumer", "--bootstrap-server", kafka.bootstrap(), "--topic", topic,
                "--from-beginning", "--max-messages", Integer.toString(expected), "--timeout-ms", "30000",
                "--isolation-level", "read_committed",
                "--formatter-property", "print.key=true", "--formatter-property", "print.value=false")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "console consumer finished");
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
