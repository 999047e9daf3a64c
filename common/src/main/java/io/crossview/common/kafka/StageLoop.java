package io.crossview.common.kafka;

import io.crossview.common.topics.Topic;
import io.crossview.common.wire.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
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

    /**
     * Where a loop's meters go.
     *
     * @param keysAreCameras the input's keys are camera ids (frames, detections): a lag per camera
     * @param model the model the stage runs now, null when it runs none
     */
    public record Metering(MeterRegistry registry, boolean keysAreCameras, Supplier<String> model) {
        /** Meters that go nowhere: a registry with no backend. */
        public static Metering none() {
            return new Metering(new CompositeMeterRegistry(), false, null);
        }
    }

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
    /** Where this loop last committed each partition it has handled; only the loop's thread touches it. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile LoopMeters meters;
    private volatile boolean ready;

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
        this.meters = new LoopMeters(stage, inputTopic, Metering.none());
    }

    /** Shows this loop's work on {@code metering}'s registry; call it before {@link #run}. */
    public StageLoop meteredBy(Metering metering) {
        meters.close();
        meters = new LoopMeters(stage, inputTopic, metering);
        return this;
    }

    @Override
    public void run() {
        try {
            meters.bind(consumer, producer);
            producer.initTransactions();
            consumer.subscribe(List.of(inputTopic));
            while (running.get()) {
                List<ConsumerRecord<byte[], byte[]>> batch = gather();
                ready = true;
                if (!batch.isEmpty()) {
                    commit(batch, handle(batch));
                } else {
                    commitPassedMarkers();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            ready = false;
            meters.close();
            consumer.close(Duration.ofSeconds(2));
            producer.close(Duration.ofSeconds(5));
            closeOwned();
        }
    }

    private void commit(List<ConsumerRecord<byte[], byte[]>> batch, List<BatchHandler.Outcome> outcomes) {
        Map<TopicPartition, Long> firsts = new HashMap<>();
        boolean done = transact(() -> {
            for (int i = 0; i < batch.size(); i++) {
                ConsumerRecord<byte[], byte[]> record = batch.get(i);
                for (ProducerRecord<byte[], byte[]> out : outputs(record, outcomes.get(i))) {
                    producer.send(out);
                }
                firsts.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
            }
            // the position, not the last offset + 1: it is past the commit markers of the input's own
            // transactions too, so the lag of a stage that has handled everything is zero
            Map<TopicPartition, Long> positions = new HashMap<>();
            firsts.keySet().forEach(partition -> positions.put(partition, consumer.position(partition)));
            return positions;
        });
        if (done) {
            // counted once committed, so that a count means the outputs are there for readers
            long rejected = outcomes.stream().filter(o -> o.error() != null).count();
            processed.addAndGet(batch.size() - rejected);
            failed.addAndGet(rejected);
            meters.committed(batch, rejected);
        } else {
            // whatever is still ours is handled again from where this batch began
            firsts.forEach((partition, offset) -> {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, offset);
                }
            });
        }
    }

    /**
     * On an idle poll: a commit marker read after the last batch moved the position without
     * giving a record; committing it keeps the group's lag at zero once all is handled.
     */
    private void commitPassedMarkers() {
        Map<TopicPartition, Long> moved = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            Long last = committed.get(partition);
            if (last == null || position > last) {
                moved.put(partition, position);
            }
        }
        if (!moved.isEmpty()) {
            transact(() -> moved);
        }
    }

    /**
     * One transaction: the sends {@code work} makes, and the input positions it returns.
     *
     * @return false when it was aborted (and is to be redone)
     */
    private boolean transact(Supplier<Map<TopicPartition, Long>> work) {
        try {
            producer.beginTransaction();
            Map<TopicPartition, Long> positions = work.get();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            positions.forEach((partition, position) -> offsets.put(partition, new OffsetAndMetadata(position)));
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
            committed.putAll(positions);
            return true;
        } catch (ProducerFencedException | AuthorizationException e) {
            throw e; // another instance owns this work now, or this one may not do it: stop
        } catch (WakeupException e) {
            producer.abortTransaction(); // closing mid-batch: whoever takes over redoes it
            throw e;
        } catch (KafkaException e) {
            // a rebalance took partitions mid-batch, a broker failed, or the coordinator timed the
            // transaction out (InvalidProducerEpochException, abortable since KIP-588)
            LOG.warn("{}: transaction not committed, its records are handled again: {}", stage, DeadLetters.describe(e));
            producer.abortTransaction();
            return false;
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
            long spent = System.nanoTime() - start;
            busyNanos.addAndGet(spent);
            meters.handled(batch.size(), spent);
        }
    }

    private List<ProducerRecord<byte[], byte[]>> outputs(ConsumerRecord<byte[], byte[]> record,
                                                         BatchHandler.Outcome outcome) {
        if (outcome.error() == null) {
            return outcome.outputs();
        }
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

    /** Its transactions are set up and it has polled its input: it is doing its work. */
    public boolean ready() {
        return ready;
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
