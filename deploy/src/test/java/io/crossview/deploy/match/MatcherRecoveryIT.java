package io.crossview.deploy.match;

import io.crossview.common.kafka.KafkaConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.testing.TopicContents;
import io.crossview.deploy.testing.WalkingPeople;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher as its own process, killed with SIGKILL mid-stream and started again on its
 * RocksDB state: with exactly-once processing, what it has committed in the end equals the
 * output of an uninterrupted run on the same input, event for event.
 */
@Tag("integration")
class MatcherRecoveryIT {
    private static final int FRAMES = 1500;

    @TempDir
    Path dir;

    @Test
    void aMatcherKilledMidStreamAndRestartedEndsWithTheSameIdentitiesAsAnUninterruptedRun() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            KafkaConnection kafka = broker.connection();
            Topics calm = new Topics("calm.");
            Topics killed = new Topics("killed.");
            for (Topics topics : List.of(calm, killed)) {
                TopicAdmin.ensure(kafka, topics, 1, (short) 1);
                produce(kafka, topics);
            }

            Process uninterrupted = match(kafka, calm, dir.resolve("calm-state"));
            List<String> expected = awaitQuiet(kafka, calm, uninterrupted, 0);
            stop(uninterrupted);
            assertTrue(expected.size() > FRAMES, "people were tracked and linked: " + expected.size() + " events");

            Process doomed = match(kafka, killed, dir.resolve("killed-state"));
            LongSupplier committed = () -> count(kafka, killed);
            long deadline = System.currentTimeMillis() + 120_000;
            while (committed.getAsLong() < expected.size() / 4) {
                assertTrue(System.currentTimeMillis() < deadline, "the matcher never got going");
                Thread.sleep(20);
            }
            doomed.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no commit
            long atKill = committed.getAsLong();
            assertTrue(atKill < expected.size(), "killed mid-stream, with " + atKill + " of " + expected.size()
                    + " events committed");

            Process second = match(kafka, killed, dir.resolve("killed-state"));
            // under the same instance id it takes the killed one's tasks back without waiting out its session
            List<String> actual = awaitQuiet(kafka, killed, second, atKill);
            stop(second);
            int first = 0;
            while (first < Math.min(expected.size(), actual.size()) && expected.get(first).equals(actual.get(first))) {
                first++;
            }
            assertEquals(expected.size(), actual.size(), "as many events, none lost, none twice (first difference at "
                    + first + ", killed at " + atKill + ")");
            assertTrue(first == expected.size(), "the same events; the first difference, at " + first + " (killed at "
                    + atKill + "): expected " + expected.subList(first, Math.min(first + 6, expected.size()))
                    + ", got " + actual.subList(first, Math.min(first + 6, actual.size())));
        }
    }

    private Process match(KafkaConnection kafka, Topics topics, Path state) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.crossview.deploy.cli.CrossviewCli", "match", "--bootstrap", kafka.bootstrap(), "--topic-prefix",
                topics.prefix(), "--partitions", "1", "--state-dir", state.toString(), "--instance-id", "m1",
                "--http-port", "0") // no query API: a fixed port could be taken on a shared machine
                .redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "match-" + topics.prefix() + System.nanoTime() + ".log"))
                .start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The committed identity events once there are more than {@code before} and their number has not changed for 5 s. */
    private static List<String> awaitQuiet(KafkaConnection kafka, Topics topics, Process matcher, long before)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        long last = -1;
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            assertTrue(matcher.isAlive(), "the matcher process died");
            long now = count(kafka, topics);
            if (now != last) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (now > before && System.currentTimeMillis() - stableSince > 5_000) {
                return events(kafka, topics);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the matcher did not finish in time");
    }

    private static long count(KafkaConnection kafka, Topics topics) {
        return events(kafka, topics).size();
    }

    /** Committed identity events, in order, as comparable lines. */
    private static List<String> events(KafkaConnection kafka, Topics topics) {
        List<String> lines = new ArrayList<>();
        for (var record : TopicContents.read(kafka, topics.identities().name())) {
            IdentityEvent e = WireSerdes.IDENTITY.deserialize(record.topic(), record.value());
            lines.add(e.getFrame().getCamera() + " " + e.getFrame().getSeq() + " track " + e.getTrackId()
                    + " identity " + e.getIdentityId() + " " + e.getState());
        }
        return lines;
    }

    private static void produce(KafkaConnection kafka, Topics topics) {
        WalkingPeople.produce(kafka, topics.embeddings().name(), WalkingPeople.frames(FRAMES));
    }
}
