package io.crossview.common.kafka;

import io.crossview.common.topics.Topic;
import io.crossview.common.wire.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume, handle, produce: the loop of a stateless stage (detector, embedder). Each batch's
 * outputs and its consumed offsets commit in one Kafka transaction, so an instance killed
 * mid-batch leaves no output behind and its batch is handled again, once, by whichever
 * instance takes its partitions: nothing lost, nothing twice (downstream reads
 * read_committed). A record the handler rejects goes to dead-letters and the loop goes on.
 */
public final class StageLoop implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StageLoop.class);

    private final String stage;
    private final String inputTopic;
    private final Topic<DeadLetter> deadLetters;
    private final BatchHandler handler;
    private final Batching batching;
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
    public StageLoop(String stage, KafkaConnection kafka, String groupId, String inputTopic,
                     Topic<DeadLetter> deadLetters, RecordHandler handler, AutoCloseable owned) {
        this(stage, kafka, groupId, inputTopic, deadLetters, BatchHandler.of(handler), Batching.NONE, owned);
    }

    /** A stage that handles records in batches gathered as {@code batching} says. */
    public StageLoop(String stage, KafkaConnection kafka, String groupId, String inputTopic,
                     Topic<DeadLetter> deadLetters, BatchHandler handler, Batching batching, AutoCloseable owned) {
        this.stage = stage;
        this.owned = owned;
        this.inputTopic = inputTopic;
        this.deadLetters = deadLetters;
        this.handler = handler;
        this.batching = batching;
        Map<String, Object> config = kafka.consumer(groupId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batching.maxRecords());
        this.consumer = new KafkaConsumer<>(config);
        this.producer = new KafkaProducer<>(kafka.transactionalProducer(stage));
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(inputTopic));
            while (running.get()) {
                List<ConsumerRecord<byte[], byte[]>> batch = gather();
                if (!batch.isEmpty()) {
                    commit(batch, handle(batch));
                }
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

    private void commit(List<ConsumerRecord<byte[], byte[]>> batch, List<BatchHandler.Outcome> outcomes) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, Long> firsts = new HashMap<>();
        try {
            producer.beginTransaction();
            for (int i = 0; i < batch.size(); i++) {
                ConsumerRecord<byte[], byte[]> record = batch.get(i);
                for (ProducerRecord<byte[], byte[]> out : outputs(record, outcomes.get(i))) {
                    producer.send(out);
                }
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
                firsts.putIfAbsent(partition, record.offset());
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | AuthorizationException e) {
            throw e; // another instance owns this work now, or this one may not do it: stop
        } catch (KafkaException e) {
            // a rebalance took partitions mid-batch, or a broker failed: undo, and handle again
            // whatever is still ours from where this batch began
            LOG.warn("{}: batch of {} records not committed, handling it again: {}", stage, batch.size(),
                    DeadLetters.describe(e));
            producer.abortTransaction();
            firsts.forEach((partition, offset) -> {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, offset);
                }
            });
        }
    }

    /** One poll's records, then more polls while the batch has room and its first record may wait. */
    private List<ConsumerRecord<byte[], byte[]>> gather() {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
        long deadline = System.nanoTime() + batching.maxWaitMs() * 1_000_000;
        while (!batch.isEmpty() && batch.size() < batching.maxRecords() && running.get()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            // the consumer may hand out more than the room left (max.poll.records is per poll)
            consumer.poll(Duration.ofMillis(left)).forEach(batch::add);
        }
        return batch;
    }

    private List<BatchHandler.Outcome> handle(List<ConsumerRecord<byte[], byte[]>> batch) {
        long start = System.nanoTime();
        try {
            List<BatchHandler.Outcome> outcomes = handler.handle(batch);
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException(stage + " returned " + outcomes.size() + " outcomes for "
                        + batch.size() + " records");
            }
            return outcomes;
        } catch (RuntimeException e) {
            return batch.stream().map(r -> BatchHandler.Outcome.failed(e)).toList();
        } finally {
            busyNanos.addAndGet(System.nanoTime() - start);
        }
    }

    private List<ProducerRecord<byte[], byte[]>> outputs(ConsumerRecord<byte[], byte[]> record,
                                                         BatchHandler.Outcome outcome) {
        if (outcome.error() == null) {
            processed.incrementAndGet();
            return outcome.outputs();
        }
        failed.incrementAndGet();
        LOG.warn("{}: {}-{}@{} sent to {}: {}", stage, record.topic(), record.partition(), record.offset(),
                deadLetters.name(), DeadLetters.describe(outcome.error()));
        return List.of(DeadLetters.of(deadLetters, stage, record, outcome.error()));
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
