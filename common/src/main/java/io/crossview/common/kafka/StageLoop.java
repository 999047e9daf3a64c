package io.crossview.common.kafka;

import io.crossview.common.topics.Topic;
import io.crossview.common.wire.DeadLetter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume, handle, produce: the loop of a stateless stage (detector, embedder). Offsets are
 * committed only after the outputs of a poll are acknowledged, so a crash re-processes
 * rather than loses. A record the handler rejects goes to dead-letters and the loop goes on.
 */
public final class StageLoop implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StageLoop.class);

    private final String stage;
    private final String inputTopic;
    private final Topic<DeadLetter> deadLetters;
    private final RecordHandler handler;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AutoCloseable owned;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    /**
     * @param owned native resources the handler uses (a model, a detector), closed when the loop ends
     */
    public StageLoop(String stage, String bootstrap, String groupId, String inputTopic,
                     Topic<DeadLetter> deadLetters, RecordHandler handler, AutoCloseable owned) {
        this.stage = stage;
        this.owned = owned;
        this.inputTopic = inputTopic;
        this.deadLetters = deadLetters;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap, groupId));
        this.producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, stage));
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(inputTopic));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    for (ProducerRecord<byte[], byte[]> out : handleOne(record)) {
                        producer.send(out);
                    }
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.flush();
                consumer.commitSync(offsets);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
            producer.close(Duration.ofSeconds(5));
            closeOwned();
        }
    }

    private List<ProducerRecord<byte[], byte[]>> handleOne(ConsumerRecord<byte[], byte[]> record) {
        long start = System.nanoTime();
        try {
            List<ProducerRecord<byte[], byte[]>> out = handler.handle(record);
            processed.incrementAndGet();
            return out;
        } catch (Exception e) {
            failed.incrementAndGet();
            LOG.warn("{}: {}-{}@{} sent to {}: {}", stage, record.topic(), record.partition(), record.offset(),
                    deadLetters.name(), DeadLetters.describe(e));
            return List.of(DeadLetters.of(deadLetters, stage, record, e));
        } finally {
            busyNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Time spent handling records, without waiting for input: the stage's own cost. */
    public long busyNanos() {
        return busyNanos.get();
    }

    private void closeOwned() {
        try {
            owned.close();
        } catch (Exception e) {
            LOG.warn("{}: could not release its resources: {}", stage, DeadLetters.describe(e));
        }
    }

    public long processed() {
        return processed.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Stops the loop from another thread; the loop closes its clients itself. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
