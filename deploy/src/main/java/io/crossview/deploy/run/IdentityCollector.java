package io.crossview.deploy.run;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads what the pipeline produced in this run: identity events (written as JSON lines),
 * embedding messages (to count detections) and a few frames to annotate. It starts at the
 * end of each topic, so events of earlier runs on the same broker are not counted.
 */
public final class IdentityCollector implements Runnable, AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final BufferedWriter jsonl;
    private final LongPredicate keepFrame;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<TopicPartition, Long> endAtStart = new HashMap<>();

    private final Map<String, Long> identityOfTrack = new HashMap<>();
    private final boolean keepEmbeddings;
    private long harvested;
    private final Set<String> harvestedTracks = new HashSet<>();
    private final Set<Long> harvestedIdentities = new HashSet<>();
    private final List<FrameEmbeddings> embeddings = new ArrayList<>();
    private final Set<String> tracks = new HashSet<>();
    private final Map<String, byte[]> keptFrames = new HashMap<>();
    private final Map<String, List<IdentityEvent>> eventsOfFrame = new HashMap<>();
    private volatile long events;
    private final LatencyRecorder latency = new LatencyRecorder();
    private volatile String modelVersion = "";
    private volatile long detections;
    private volatile long embeddedFrames;
    private volatile boolean caughtUp;

    public IdentityCollector(KafkaConnection kafka, Topics topics, Path jsonlFile, LongPredicate keepFrame) throws IOException {
        this(kafka, topics, jsonlFile, keepFrame, false);
    }

    public IdentityCollector(KafkaConnection kafka, Topics topics, Path jsonlFile, LongPredicate keepFrame,
                             boolean keepEmbeddings) throws IOException {
        this.keepEmbeddings = keepEmbeddings;
        this.topics = topics;
        this.keepFrame = keepFrame;
        this.jsonl = Files.newBufferedWriter(jsonlFile);
        this.consumer = new KafkaConsumer<>(kafka.consumer("crossview-demo-collector"));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.identities().name(), topics.embeddings().name(), topics.frames().name(),
                topics.harvest().name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        for (TopicPartition p : partitions) {
            endAtStart.put(p, consumer.position(p));
        }
    }

    @Override
    public void run() {
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    take(record);
                }
                jsonl.flush();
                caughtUp = records.isEmpty() && atEnd();
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
            try {
                jsonl.close();
            } catch (IOException ignored) {
                // the run's summary matters more than a failed close of a flushed file
            }
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> record) throws IOException {
        try {
            if (record.topic().equals(topics.identities().name())) {
                IdentityEvent event = WireSerdes.IDENTITY.deserialize(record.topic(), record.value());
                write(event);
                synchronized (this) {
                    String track = event.getFrame().getCamera() + "/" + event.getTrackId();
                    if (event.getIdentityId() != 0) {
                        identityOfTrack.put(track, event.getIdentityId());
                    }
                    tracks.add(track);
                    if (keepFrame.test(event.getFrame().getSeq())) {
                        eventsOfFrame.computeIfAbsent(frameKey(event.getFrame().getCamera(), event.getFrame().getSeq()),
                                k -> new ArrayList<>()).add(event);
                    }
                }
                latency.record(System.currentTimeMillis() - event.getFrame().getCaptureMs());
                modelVersion = event.getModelVersion();
                events++;
            } else if (record.topic().equals(topics.embeddings().name())) {
                FrameEmbeddings frame = WireSerdes.EMBEDDINGS.deserialize(record.topic(), record.value());
                // people only: weak boxes (no crop, no embedding) only carry tracks
                detections += frame.getBoxesList().stream().filter(b -> b.getGlobal().getValuesCount() > 0).count();
                if (keepEmbeddings) {
                    synchronized (this) {
                        embeddings.add(frame);
                    }
                }
                embeddedFrames++;
            } else if (record.topic().equals(topics.harvest().name())) {
                HarvestedCrop crop = WireSerdes.HARVEST.deserialize(record.topic(), record.value());
                synchronized (this) {
                    harvested++;
                    harvestedTracks.add(crop.getFrame().getCamera() + "/" + crop.getTrackId());
                    harvestedIdentities.add(crop.getIdentityId());
                }
            } else {
                Frame frame = WireSerdes.FRAME.deserialize(record.topic(), record.value());
                if (keepFrame.test(frame.getRef().getSeq())) {
                    synchronized (this) {
                        keptFrames.put(frameKey(frame.getRef().getCamera(), frame.getRef().getSeq()),
                                frame.getJpeg().toByteArray());
                    }
                }
            }
        } catch (SerializationException e) {
            // a corrupt record is the stages' business (they dead-letter it); the demo just skips it
        }
    }

    private void write(IdentityEvent event) throws IOException {
        jsonl.write(IdentityLines.line(event));
        jsonl.newLine();
    }

    private boolean atEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        for (var end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    static String frameKey(String camera, long seq) {
        return camera + "#" + seq;
    }

    /** True once the last poll found nothing new on any topic. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public long events() {
        return events;
    }

    /** Capture-to-collector delay of every identity event. */
    public LatencyRecorder latency() {
        return latency;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public long detections() {
        return detections;
    }

    public long embeddedFrames() {
        return embeddedFrames;
    }

    /** Cameras of each identity, every track counted under its final identity (after corrections). */
    private Map<Long, Set<String>> camerasOfIdentity() {
        Map<Long, Set<String>> cameras = new HashMap<>();
        identityOfTrack.forEach((track, id) -> cameras.computeIfAbsent(id, k -> new HashSet<>())
                .add(track.substring(0, track.lastIndexOf('/'))));
        return cameras;
    }

    public synchronized int identities() {
        return camerasOfIdentity().size();
    }

    public synchronized int tracks() {
        return tracks.size();
    }

    /** Identities seen on more than one camera count one link per extra camera. */
    public synchronized int crossCameraLinks() {
        return camerasOfIdentity().values().stream().mapToInt(cameras -> cameras.size() - 1).sum();
    }

    /** Crops the matcher harvested for training, the tracks and the identities they came from. */
    public record Harvest(long crops, int tracks, int identities) {
    }

    public synchronized Harvest harvest() {
        return new Harvest(harvested, harvestedTracks.size(), harvestedIdentities.size());
    }

    /** Every embedding message of the run, in arrival order, when asked to keep them. */
    public synchronized List<FrameEmbeddings> embeddings() {
        return List.copyOf(embeddings);
    }

    public synchronized Map<String, byte[]> keptFrames() {
        return Map.copyOf(keptFrames);
    }

    public synchronized List<IdentityEvent> eventsOf(String camera, long seq) {
        return List.copyOf(eventsOfFrame.getOrDefault(frameKey(camera, seq), List.of()));
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
