package io.crossview.embedder.registry;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.embedder.runtime.ReidModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted {@code models} topic for one model name: a new version is fetched,
 * its sha256 checked, opened, warmed up and offered to the slot; a corrupt, mismatched or
 * unreachable one is rejected with one log line while the running model goes on. Every
 * embedder reads the whole topic (no consumer group), so each one sees every announcement.
 */
public final class ModelWatcher implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);

    private final String modelName;
    private final String topic;
    private final ModelSlot slot;
    private final ModelFetcher fetcher;
    private final Function<byte[], ReidModel> opener;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /** @param opener opens model bytes as the stage configures (threads, provider); throws when unusable */
    public ModelWatcher(KafkaConnection kafka, String topic, String modelName, ModelSlot slot, ModelFetcher fetcher,
                        Function<byte[], ReidModel> opener) {
        this.modelName = modelName;
        this.topic = topic;
        this.slot = slot;
        this.fetcher = fetcher;
        this.opener = opener;
        Map<String, Object> config = kafka.consumer("unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config);
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    consider(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("model watcher for '{}' stopped: {}; the current model keeps running", modelName, e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void consider(ConsumerRecord<byte[], byte[]> record) {
        ModelAnnouncement announcement;
        try {
            announcement = WireSerdes.MODEL.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("{}-{}@{}: not a model announcement ({}); ignored", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (announcement == null || !modelName.equals(announcement.getName())
                || announcement.getVersion().equals(slot.nextVersion())) {
            return;
        }
        String running = slot.current().version();
        try {
            ReidModel next = opener.apply(fetcher.fetch(announcement.getUri(), announcement.getSha256()));
            if (!next.version().equals(announcement.getVersion())) {
                String actual = next.version();
                next.close();
                throw new IllegalArgumentException("the model's own version is " + actual);
            }
            next.warmUp();
            slot.offer(next);
            accepted.incrementAndGet();
            LOG.info("re-ID model {} from {} accepted: swapping in between batches", announcement.getVersion(),
                    announcement.getUri());
        } catch (Exception e) {
            rejected.incrementAndGet();
            LOG.error("re-ID model {} from {} rejected: {}; still running {}", announcement.getVersion(),
                    announcement.getUri(), e.getMessage(), running);
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
