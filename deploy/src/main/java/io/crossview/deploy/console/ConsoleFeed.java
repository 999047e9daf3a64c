package io.crossview.deploy.console;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the console shows straight from the topics, in no consumer group: the newest
 * frames of every camera, every identity event, harvested crop, camera status and model
 * announcement. A message it cannot read is skipped with a log line (the stages that own the
 * topics dead-letter it).
 */
final class ConsoleFeed implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeed.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final ConsoleState state;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong unreadable = new AtomicLong();

    ConsoleFeed(KafkaConnection kafka, Topics topics, ConsoleState state) {
        Map<String, Object> config = kafka.consumer(null);
        config.remove("group.id");
        config.put("max.poll.records", 500);
        this.consumer = new KafkaConsumer<>(config);
        this.topics = topics;
        this.state = state;
    }

    @Override
    public void run() {
        try {
            assignAll();
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        dispatch(record);
                    } catch (RuntimeException e) {
                        if (unreadable.incrementAndGet() % 100 == 1) {
                            LOG.warn("console: skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                                    e.getMessage());
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Frames from a little before their end; everything else from the beginning. */
    private void assignAll() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.frames().name(), topics.identities().name(), topics.harvest().name(),
                topics.cameraStatus().name(), topics.models().name())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<TopicPartition> frames = partitions.stream().filter(p -> p.topic().equals(topics.frames().name())).toList();
        consumer.endOffsets(frames).forEach((partition, end) -> consumer.seek(partition,
                Math.max(0, end - (long) state.tiles.kept() * 4)));
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        if (topic.equals(topics.frames().name())) {
            state.tiles.frame(WireSerdes.FRAME.deserialize(topic, record.value()));
        } else if (topic.equals(topics.identities().name())) {
            identity(WireSerdes.IDENTITY.deserialize(topic, record.value()));
        } else if (topic.equals(topics.harvest().name())) {
            harvest(record);
        } else if (topic.equals(topics.cameraStatus().name())) {
            state.status(WireSerdes.CAMERA_STATUS.deserialize(topic, record.value()));
        } else if (topic.equals(topics.models().name())) {
            state.model(WireSerdes.MODEL.deserialize(topic, record.value()));
        }
    }

    private void identity(IdentityEvent event) {
        state.tiles.event(event);
        state.identities.event(event);
        long id = event.getIdentityId();
        if (id != 0 && state.identities.needsThumbnail(id)) {
            byte[] frame = state.tiles.frameJpeg(event.getFrame().getCamera(), event.getFrame().getSeq());
            byte[] crop = frame == null ? null : Thumbnails.cut(frame, event.getBox());
            if (crop != null) {
                // below any harvested crop: those are quality-gated
                state.identities.thumbnail(id, event.getFrame().getCamera(), crop, -1);
            }
        }
    }

    private void harvest(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            state.identities.erase(Long.parseLong(new String(record.key(), StandardCharsets.UTF_8)));
            return;
        }
        HarvestedCrop crop = WireSerdes.HARVEST.deserialize(record.topic(), record.value());
        state.identities.thumbnail(crop.getIdentityId(), crop.getFrame().getCamera(), crop.getJpeg().toByteArray(),
                crop.getQuality());
    }

    long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
