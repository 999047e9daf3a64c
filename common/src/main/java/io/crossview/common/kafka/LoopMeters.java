package io.crossview.common.kafka;

import io.crossview.common.metrics.MeterNames;
import io.crossview.common.metrics.OwnedMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;

/**
 * What one stage loop shows Prometheus: committed and failed records, batch sizes and batch
 * latency, dead letters, the lag of each camera, the model it runs, and its Kafka clients'
 * own metrics. Everything it registered is removed again on close, so a stage started again
 * in the same process registers afresh.
 */
final class LoopMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final StageLoop.Metering metering;
    private final String stage;
    private final Counter processed;
    private final Counter failed;
    private final Counter deadLetters;
    private final DistributionSummary batchSize;
    private final Timer batchLatency;
    private final Map<String, AtomicLong> cameraLagMs = new ConcurrentHashMap<>();
    private final OwnedMeters owned;
    private final List<KafkaClientMetrics> clients = new CopyOnWriteArrayList<>();
    private volatile String model;
    private volatile Meter modelGauge;

    LoopMeters(String stage, String inputTopic, StageLoop.Metering metering) {
        this.registry = metering.registry();
        this.owned = new OwnedMeters(registry);
        this.metering = metering;
        this.stage = stage;
        Tags tags = Tags.of("stage", stage);
        processed = keep(Counter.builder(MeterNames.STAGE_RECORDS).tags(tags).tag("outcome", "processed")
                .description("records committed").register(registry));
        failed = keep(Counter.builder(MeterNames.STAGE_RECORDS).tags(tags).tag("outcome", "failed")
                .description("records committed to dead-letters").register(registry));
        deadLetters = keep(Counter.builder(MeterNames.DEAD_LETTERS).tags(tags).tag("topic", inputTopic)
                .description("records sent to dead-letters, by the topic they came from").register(registry));
        batchSize = keep(DistributionSummary.builder(MeterNames.STAGE_BATCH_SIZE).tags(tags)
                .description("records per handled batch").serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128)
                .register(registry));
        batchLatency = keep(Timer.builder(MeterNames.STAGE_BATCH_LATENCY).tags(tags)
                .description("time to handle one batch").publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1)).maximumExpectedValue(java.time.Duration.ofSeconds(30))
                .register(registry));
    }

    /** Binds the Kafka clients' own metrics ({@code kafka.consumer.*}, {@code kafka.producer.*}). */
    void bind(Consumer<?, ?> consumer, Producer<?, ?> producer) {
        for (KafkaClientMetrics client : List.of(new KafkaClientMetrics(consumer, Tags.of("stage", stage)),
                new KafkaClientMetrics(producer, Tags.of("stage", stage)))) {
            client.bindTo(registry);
            clients.add(client);
        }
        refreshModel();
    }

    void handled(int records, long nanos) {
        batchSize.record(records);
        batchLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** A batch committed: its counts, and the lag of each camera it carried. */
    void committed(List<ConsumerRecord<byte[], byte[]>> batch, long rejected) {
        processed.increment(batch.size() - rejected);
        failed.increment(rejected);
        deadLetters.increment(rejected);
        if (metering.keysAreCameras()) {
            long now = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                if (record.key() != null) {
                    lagOf(new String(record.key(), StandardCharsets.UTF_8)).set(now - record.timestamp());
                }
            }
        }
        refreshModel();
    }

    private AtomicLong lagOf(String camera) {
        return cameraLagMs.computeIfAbsent(camera, c -> {
            AtomicLong lag = new AtomicLong();
            keep(Gauge.builder(MeterNames.CAMERA_LAG, lag, l -> l.get() / 1000.0).tag("stage", stage).tag("camera", c)
                    .baseUnit("seconds").description("from a record's timestamp (capture, for frames) to its commit")
                    .register(registry));
            return lag;
        });
    }

    /** The model gauge follows a model swapped in between batches. */
    private void refreshModel() {
        Supplier<String> source = metering.model();
        String now = source == null ? null : source.get();
        if (now == null || now.equals(model)) {
            return;
        }
        if (modelGauge != null) {
            owned.drop(modelGauge);
        }
        model = now;
        modelGauge = keep(Gauge.builder(MeterNames.MODEL_INFO, () -> 1).tag("stage", stage).tag("model", now)
                .description("the model a stage runs").register(registry));
    }

    private <M extends Meter> M keep(M meter) {
        return owned.keep(meter);
    }

    @Override
    public void close() {
        clients.forEach(KafkaClientMetrics::close);
        owned.close();
    }
}
