package io.crossview.common.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The work of a stage that gains from handling several input records at once (one model
 * run over the crops of many frames): records in, one outcome per record out, in order.
 */
@FunctionalInterface
public interface BatchHandler {
    /** What became of one input record: its outputs, or the error that sends it to dead-letters. */
    record Outcome(List<ProducerRecord<byte[], byte[]>> outputs, Exception error) {
        public static Outcome of(List<ProducerRecord<byte[], byte[]>> outputs) {
            return new Outcome(List.copyOf(outputs), null);
        }

        public static Outcome failed(Exception error) {
            return new Outcome(List.of(), error);
        }
    }

    /** Exactly one outcome per record, in the records' order; throwing fails them all. */
    List<Outcome> handle(List<ConsumerRecord<byte[], byte[]>> records);

    /** A one-record handler run record by record. */
    static BatchHandler of(RecordHandler handler) {
        return records -> records.stream().map(record -> {
            try {
                return Outcome.of(handler.handle(record));
            } catch (Exception e) {
                return Outcome.failed(e);
            }
        }).toList();
    }
}
