package io.crossview.ingest.replay;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a recorded frames topic in capture order across its partitions. The end offsets
 * are taken when the reader opens, so a read ends even while cameras keep recording; no
 * consumer group offsets are committed, so reading twice reads the same frames.
 */
public final class RecordingReader implements AutoCloseable {
    /** Gets the frames in capture order, and the records that are not frames, when they are read. */
    public interface Visitor {
        void frame(RecordedFrame frame) throws Exception;

        void undecodable(ConsumerRecord<byte[], byte[]> record, BadMessageException error) throws Exception;
    }

    /**
     * Default for how far capture order may be out of order among the cameras of one
     * partition: grab threads publish within a frame or two of each other, 2 s leaves room.
     */
    public static final long DEFAULT_WINDOW_MS = 2000;

    /** Frames buffered per partition before it is paused (unless the merge waits for it). */
    static final int PAUSE_AT = 64;
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Selection selection;
    private final long windowMs;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<TopicPartition, Long> endOffsets;
    private CaptureMerge<RecordedFrame> merge;

    private RecordingReader(KafkaConnection kafka, String topic, Selection selection, long windowMs) {
        this.topic = topic;
        this.selection = selection;
        this.windowMs = windowMs;
        this.consumer = new KafkaConsumer<>(kafka.consumer("crossview-recording-reader"));
        try {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            } catch (TimeoutException e) {
                throw new IllegalStateException("no answer from Kafka at " + kafka + " about topic " + topic
                        + " within " + METADATA_TIMEOUT.toSeconds() + " s");
            }
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist on " + kafka);
            }
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            endOffsets = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * {@code windowMs}: how far capture order may be out of order inside one partition,
     * where cameras of different grab threads share it.
     */
    public static RecordingReader open(KafkaConnection kafka, String topic, Selection selection, long windowMs) {
        return new RecordingReader(kafka, topic, selection, windowMs);
    }

    public String topic() {
        return topic;
    }

    public int partitionCount() {
        return partitions.size();
    }

    /** Visits every selected frame in capture order, then returns. */
    public void read(Visitor visitor) throws Exception {
        merge = new CaptureMerge<>(partitions.stream().map(TopicPartition::partition).toList(), selection, windowMs, PAUSE_AT);
        seek();
        Map<Integer, TopicPartition> byNumber = new HashMap<>();
        partitions.forEach(tp -> byNumber.put(tp.partition(), tp));
        while (true) {
            for (TopicPartition tp : partitions) {
                if (!merge.isDone(tp.partition()) && consumer.position(tp) >= endOffsets.get(tp)) {
                    merge.finish(tp.partition());
                }
            }
            for (CaptureMerge.Entry<RecordedFrame> next = merge.poll(); next != null; next = merge.poll()) {
                visitor.frame(next.payload());
            }
            if (merge.isComplete()) {
                return;
            }
            List<TopicPartition> pause = new ArrayList<>();
            List<TopicPartition> resume = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                (merge.shouldPause(tp.partition()) ? pause : resume).add(tp);
            }
            consumer.pause(pause);
            consumer.resume(resume);
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Frame frame;
                try {
                    frame = WireSerdes.FRAME.deserialize(record.topic(), record.value());
                    if (frame == null || !frame.hasRef()) {
                        throw new BadMessageException("Frame on " + record.topic() + " has no frame reference");
                    }
                } catch (BadMessageException e) {
                    visitor.undecodable(record, e);
                    continue;
                }
                merge.offer(record.partition(), CaptureKey.of(frame.getRef()), new RecordedFrame(record, frame.getRef()));
            }
        }
    }

    /** Frames per camera the range holds, selected or not; known after {@link #read}. */
    public Map<String, Long> camerasInRange() {
        return merge == null ? Map.of() : merge.camerasInRange();
    }

    /** The capture times of the topic's first and last records, from one record at each end of every partition. */
    public TimeSpan span() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
        for (TopicPartition tp : partitions) {
            long begin = beginnings.get(tp);
            long end = endOffsets.get(tp);
            if (end <= begin) {
                continue;
            }
            for (long offset : new long[] {begin, end - 1}) {
                Long ts = timestampAt(tp, offset);
                if (ts != null) {
                    first = Math.min(first, ts);
                    last = Math.max(last, ts);
                }
            }
        }
        return first == Long.MAX_VALUE ? null : new TimeSpan(first, last);
    }

    /** First and last capture time of a topic, epoch ms. */
    public record TimeSpan(long firstMs, long lastMs) {
    }

    private Long timestampAt(TopicPartition tp, long offset) {
        consumer.pause(partitions);
        consumer.resume(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.partition() == tp.partition() && r.offset() >= offset) {
                    return r.timestamp();
                }
            }
        }
        return null;
    }

    private void seek() {
        if (!selection.hasStart()) {
            consumer.seekToBeginning(partitions);
            return;
        }
        // the record timestamp is the capture time, so the broker's time index finds the start;
        // the window's margin catches frames of other cameras written a little later
        Map<TopicPartition, Long> query = new HashMap<>();
        long target = Math.max(0, selection.startMs() - windowMs);
        partitions.forEach(tp -> query.put(tp, target));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, METADATA_TIMEOUT);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            consumer.seek(tp, at == null ? endOffsets.get(tp) : at.offset());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
