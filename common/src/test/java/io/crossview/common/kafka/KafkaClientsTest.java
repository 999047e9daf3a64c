package io.crossview.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
    @Test
    void producersAreIdempotentWaitForAllReplicasAndBatchWholeFramesUncompressed() {
        Map<String, Object> props = KafkaClients.producer("h:9092", "ingest");
        assertEquals(true, props.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("all", props.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("none", props.get(ProducerConfig.COMPRESSION_TYPE_CONFIG), "JPEG does not compress further");
        int batch = (Integer) props.get(ProducerConfig.BATCH_SIZE_CONFIG);
        assertTrue(batch >= 10 * 100 * 1024, "a batch holds several ~100 KB frames, not the default 16 KB: " + batch);
        assertTrue((Integer) props.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG) > Topics.MAX_FRAME_BYTES,
                "the largest frame the topic takes fits in a request");
    }
}
