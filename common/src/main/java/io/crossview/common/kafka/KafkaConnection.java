package io.crossview.common.kafka;

import io.crossview.common.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where a stage finds Kafka and how it talks to it: the bootstrap address plus the user's client
 * settings (TLS, SASL, timeouts), which reach every producer, consumer, admin and Streams client
 * alike. Each client kind then adds the settings CrossView's guarantees rest on, which the user's
 * settings cannot replace ({@link KafkaSettings} refuses them when it loads them).
 */
public record KafkaConnection(String bootstrap, Map<String, String> settings) {
    public KafkaConnection {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("a Kafka connection needs a bootstrap address");
        }
        settings = Map.copyOf(settings);
    }

    /** A plaintext connection with Kafka's defaults, as to the embedded broker. */
    public static KafkaConnection plain(String bootstrap) {
        return new KafkaConnection(bootstrap, Map.of());
    }

    /** The same settings against another address (a second listener, a restarted broker). */
    public KafkaConnection at(String otherBootstrap) {
        return new KafkaConnection(otherBootstrap, settings);
    }

    /** Bootstrap plus the user's settings: what every client kind starts from. */
    public Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>(settings);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    /**
     * Idempotent, {@code acks=all}. One JPEG frame (~100 KB) is bigger than the default 16 KB
     * batch, so batches are 1 MiB with a short linger; JPEG does not compress further.
     */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> props = common();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_FRAME_BYTES + 64 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /**
     * A producer whose sends and consumed offsets commit together: a stage killed mid-batch
     * leaves nothing half-written, and its batch is redone once by whoever takes its partitions.
     * The id is unique per instance (fencing comes from the consumer group, KIP-447); a dead
     * instance's open transaction is aborted after the timeout, which is short so that
     * read_committed consumers downstream do not wait the default minute.
     */
    public Map<String, Object> transactionalProducer(String clientId) {
        Map<String, Object> props = producer(clientId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId + "-" + java.util.UUID.randomUUID());
        props.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        return props;
    }

    /** Raw-bytes consumer: stages decode themselves so bad records can go to dead-letters. */
    public Map<String, Object> consumer(String groupId) {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_FRAME_BYTES + 64 * 1024);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 16);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /** A stage pointed at the wrong address should say so in seconds, not after the default minute. */
    public Map<String, Object> admin() {
        Map<String, Object> props = common();
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8_000);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }

    /** Streams passes unprefixed client settings on to its own producers, consumers and admin. */
    public Properties streams() {
        Properties props = new Properties();
        props.putAll(common());
        return props;
    }

    /** What a log line may say: the address and the security mode, never a credential. */
    @Override
    public String toString() {
        String protocol = settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        String mechanism = settings.get("sasl.mechanism");
        return bootstrap + " (" + protocol + (mechanism != null && protocol.startsWith("SASL") ? ", " + mechanism : "") + ")";
    }

    /** The settings' names, for a listing that must not show values. */
    public String settingNames() {
        return String.join(", ", new TreeMap<>(settings).keySet());
    }
}
