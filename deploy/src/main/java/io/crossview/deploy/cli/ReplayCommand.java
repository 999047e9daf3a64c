package io.crossview.deploy.cli;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.topics.Recording;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.ingest.config.Units;
import io.crossview.ingest.replay.RecordingReader;
import io.crossview.ingest.replay.ReplaySummary;
import io.crossview.ingest.replay.Replayer;
import io.crossview.ingest.replay.Selection;
import io.crossview.ingest.replay.Speed;
import io.crossview.ingest.replay.TimeArg;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview replay}: republishes a recorded frames topic, in capture order, into another namespace. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Republish recorded frames in capture order into another topic namespace, so a pipeline can run on them again.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions cluster;

    @Option(names = "--from-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Topic prefix of the recording (default: none, the default namespace)")
    String fromPrefix;

    @Option(names = "--to-prefix", paramLabel = "PREFIX", required = true,
            description = "Topic prefix to replay into, for example replay1.")
    String toPrefix;

    @Option(names = "--cameras", paramLabel = "ID[,ID...]", description = "Only these cameras (default: all)")
    String cameras;

    @Option(names = "--start", paramLabel = "TIME", description = "First capture time to replay (default: the recording's start)")
    String start;

    @Option(names = "--end", paramLabel = "TIME", description = "Capture time to stop before (default: what is recorded when the replay starts)")
    String end;

    @Option(names = "--speed", defaultValue = "1x", description = "1x, 4x, 0.5x ... or max (default: ${DEFAULT-VALUE})")
    String speed;

    @Option(names = "--reorder-window-ms", defaultValue = "" + RecordingReader.DEFAULT_WINDOW_MS,
            description = "How far capture order may be out of order among cameras sharing a partition (default: ${DEFAULT-VALUE})")
    long reorderWindowMs;

    @Option(names = "--append", description = "Replay into a target that already holds frames (they would then be there twice)")
    boolean append;

    @Option(names = "--retention", paramLabel = "DURATION",
            description = "Recording window of the target's frames topic (default: keep until the namespace is deleted)")
    String retention;

    @Override
    public Integer call() throws Exception {
        Topics source = new Topics(fromPrefix);
        Topics target = new Topics(toPrefix);
        if (toPrefix.equals(fromPrefix)) {
            throw new IllegalArgumentException("--to-prefix must differ from --from-prefix (both '" + fromPrefix
                    + "'): a replay would read its own output");
        }
        Speed pace = Speed.parse(speed);
        Instant now = Instant.now();
        Selection selection = Selection.of(cameraSet(cameras), time("--start", start, now), time("--end", end, now));
        if (reorderWindowMs < 0) {
            throw new IllegalArgumentException("--reorder-window-ms must not be negative");
        }
        KafkaConnection kafka = cluster.connection();
        try (RecordingReader reader = RecordingReader.open(kafka, source.frames().name(), selection, reorderWindowMs)) {
            TopicAdmin.ensure(kafka, target, reader.partitionCount(), (short) -1);
            long held = TopicAdmin.records(kafka, target.frames().name());
            if (held > 0 && !append) {
                throw new IllegalArgumentException(target.frames().name() + " already holds " + held
                        + " frames: a replay into it would add these again; use a new --to-prefix, or --append");
            }
            // Retention counts from record timestamps, which are the original capture times: a
            // day-long window would delete a replay of last week's video as soon as it lands.
            TopicAdmin.applyRecording(kafka, target, new Recording(retention == null ? -1 : Units.millis(retention), -1));
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("replay"))) {
                ReplaySummary summary = new Replayer(producer, target, pace, System.out).replay(reader);
                System.out.println(summary.line());
            }
        }
        return 0;
    }

    static Set<String> cameraSet(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Null when the option is absent; the option's name in the error otherwise. */
    static Instant time(String option, String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            return TimeArg.parse(text, now, java.time.ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
