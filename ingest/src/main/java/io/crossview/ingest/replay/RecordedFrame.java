package io.crossview.ingest.replay;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameRef;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One frame of a recording as it lies in Kafka: the untouched record (key and value bytes,
 * as replay republishes them) and the frame's reference. The JPEG is not kept decoded, so
 * a buffered frame costs its bytes once.
 */
public record RecordedFrame(ConsumerRecord<byte[], byte[]> record, FrameRef ref) {
    public CaptureKey key() {
        return CaptureKey.of(ref);
    }

    /** The whole frame, JPEG included, decoded again from the record. */
    public Frame frame() {
        return WireSerdes.FRAME.deserialize(record.topic(), record.value());
    }
}
