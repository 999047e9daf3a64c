package io.crossview.embedder.registry;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.ModelAnnouncement;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The compacted {@code models} topic as the model registry: announces a model under its name (the
 * key, so compaction keeps the latest per name) and reads the one announced now. The one place
 * announcements are made, for the {@code crossview models publish} command and the trainer's
 * promotion alike. Announcing is rare, so each call opens and closes its own client.
 */
public final class ModelRegistry {
    private final KafkaConnection kafka;
    private final String topic;

    /** @param topic the models topic of the namespace ({@code Topics.models().name()}), which must exist */
    public ModelRegistry(KafkaConnection kafka, String topic) {
        if (kafka == null || topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("the model registry needs a Kafka connection and a topic");
        }
        this.kafka = kafka;
        this.topic = topic;
    }

    /** The announcement of a model, created now; every field checked, so embedders never see a half one. */
    public static ModelAnnouncement announcement(String name, String version, String uri, String sha256,
                                                 Map<String, Double> metrics, long createdMs) {
        for (String[] field : new String[][] {{"name", name}, {"version", version}, {"uri", uri}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("a model announcement needs a " + field[0]);
            }
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        metrics.forEach((key, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("metric " + key + " must be a finite number, got " + value);
            }
        });
        return ModelAnnouncement.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setName(name)
                .setVersion(version)
                .setUri(uri)
                .setSha256(sha256)
                .putAllMetrics(metrics)
                .setCreatedMs(createdMs)
                .build();
    }

    /** Announces a model and waits until the broker has it; returns what was sent. */
    public ModelAnnouncement announce(String name, String version, String uri, String sha256,
                                      Map<String, Double> metrics) throws IOException {
        ModelAnnouncement announcement = announcement(name, version, uri, sha256, metrics, System.currentTimeMillis());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("models"))) {
            producer.send(new ProducerRecord<>(topic, name.getBytes(StandardCharsets.UTF_8),
                    WireSerdes.MODEL.serializer().serialize(topic, announcement))).get();
            return announcement;
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException("cannot announce " + version + " on " + topic + " at " + kafka + ": "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while announcing " + version);
        }
    }

    /**
     * The latest announcement under {@code name}, empty when there is none: the topic read from the
     * start to its end, as an embedder does. Records that do not decode are passed over.
     */
    public Optional<ModelAnnouncement> latest(String name) throws IOException {
        Map<String, Object> config = kafka.consumer("unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // reads the whole topic, commits nothing
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ModelAnnouncement latest = null;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ModelAnnouncement a = decode(record);
                    // one name is one key, so all its announcements are in one partition, in order
                    if (a != null && a.getName().equals(name)) {
                        latest = a;
                    }
                }
            }
            return Optional.ofNullable(latest);
        } catch (KafkaException e) {
            throw new IOException("cannot read " + topic + " at " + kafka + ": " + e.getMessage(), e);
        }
    }

    private static ModelAnnouncement decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return WireSerdes.MODEL.deserialize(record.topic(), record.value());
        } catch (BadMessageException e) {
            return null;
        }
    }
}
