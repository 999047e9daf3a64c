package io.crossview.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"embedder\" password=\"s3cret-pw\";";
    private static final KafkaConnection SECURED = new KafkaConnection("k1:9093,k2:9093", Map.of(
            "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS,
            "ssl.truststore.password", "trust-pw", "linger.ms", "20"));

    @Test
    void producersAreIdempotentWaitForAllReplicasAndBatchWholeFramesUncompressed() {
        Map<String, Object> props = KafkaConnection.plain("h:9092").producer("ingest");
        assertEquals(true, props.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("all", props.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("none", props.get(ProducerConfig.COMPRESSION_TYPE_CONFIG), "JPEG does not compress further");
        int batch = (Integer) props.get(ProducerConfig.BATCH_SIZE_CONFIG);
        assertTrue(batch >= 10 * 100 * 1024, "a batch holds several ~100 KB frames, not the default 16 KB: " + batch);
        assertTrue((Integer) props.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG) > Topics.MAX_FRAME_BYTES,
                "the largest frame the topic takes fits in a request");
    }

    @Test
    void everyClientKindCarriesTheSecuritySettingsAndTheAddress() {
        for (Map<String, Object> props : new Map[] {SECURED.producer("p"), SECURED.consumer("g"), SECURED.admin(),
                SECURED.common()}) {
            assertEquals("k1:9093,k2:9093", props.get("bootstrap.servers"));
            assertEquals("SASL_SSL", props.get("security.protocol"));
            assertEquals(JAAS, props.get("sasl.jaas.config"));
        }
        assertEquals(JAAS, SECURED.streams().getProperty("sasl.jaas.config"));
    }

    @Test
    void userTuningIsKeptButTheGuaranteesAreCrossviewsOwn() {
        Map<String, Object> producer = SECURED.producer("p");
        assertEquals("20", producer.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("all", producer.get(ProducerConfig.ACKS_CONFIG));
        Map<String, Object> consumer = SECURED.consumer("detector");
        assertEquals("detector", consumer.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals("read_committed", consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
    }

    @Test
    void itsTextNamesTheAddressAndModeButNoCredential() {
        String text = SECURED.toString();
        assertEquals("k1:9093,k2:9093 (SASL_SSL, SCRAM-SHA-512)", text);
        assertFalse(text.contains("s3cret") || text.contains("trust-pw"));
        assertEquals("127.0.0.1:9092 (PLAINTEXT)", KafkaConnection.plain("127.0.0.1:9092").toString());
    }
}
