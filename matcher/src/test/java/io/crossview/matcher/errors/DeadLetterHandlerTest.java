package io.crossview.matcher.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.serde.BadMessageException;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

import io.crossview.common.metrics.MeterNames;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeadLetterHandlerTest {
    @Test
    void anUnreadableRecordResumesWithOneDeadLetterInThePrefixedTopic() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.TOPIC_PREFIX_CONFIG, "site1."));
        byte[] key = "left".getBytes(StandardCharsets.UTF_8);
        byte[] value = {1, 2, 3};
        var record = new ConsumerRecord<>("site1.embeddings", 2, 41L, key, value);

        var response = handler.handleError(null, record, new BadMessageException("does not parse"));

        assertEquals(DeserializationExceptionHandler.Result.RESUME, response.result());
        assertEquals(1, response.deadLetterQueueRecords().size());
        var out = response.deadLetterQueueRecords().get(0);
        assertEquals("site1.dead-letters", out.topic());
        assertArrayEquals(key, out.key());
        DeadLetter letter = WireSerdes.DEAD_LETTER.deserialize(out.topic(), out.value());
        assertEquals("site1.embeddings", letter.getTopic());
        assertEquals(2, letter.getPartition());
        assertEquals(41L, letter.getOffset());
        assertArrayEquals(value, letter.getOriginalValue().toByteArray());
        assertTrue(letter.getError().contains("does not parse"), letter.getError());
        assertEquals(1, meters.get(MeterNames.DEAD_LETTERS).tag("stage", "matcher").tag("topic", "site1.embeddings")
                .counter().count(), "counted on the global registry");
        Metrics.removeRegistry(meters);
    }
}
