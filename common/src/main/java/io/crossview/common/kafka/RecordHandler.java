package io.crossview.common.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The work of one stage: one input record in, the records to publish out. */
@FunctionalInterface
public interface RecordHandler {
    /** Throwing sends the input to dead-letters; the stage goes on with the next record. */
    List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> record) throws Exception;
}
