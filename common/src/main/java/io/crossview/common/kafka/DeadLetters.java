package io.crossview.common.kafka;

import com.google.protobuf.ByteString;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.topics.Topic;
import io.crossview.common.wire.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Wraps a record a stage could not handle, with where it came from and why. */
public final class DeadLetters {
    private DeadLetters() {
    }

    public static ProducerRecord<byte[], byte[]> of(Topic<DeadLetter> deadLetters, String stage,
                                                    ConsumerRecord<byte[], byte[]> failed, Throwable error) {
        DeadLetter.Builder letter = DeadLetter.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setTopic(failed.topic())
                .setPartition(failed.partition())
                .setOffset(failed.offset())
                .setStage(stage)
                .setError(describe(error))
                .setFailedMs(System.currentTimeMillis());
        if (failed.key() != null) {
            letter.setOriginalKey(ByteString.copyFrom(failed.key()));
        }
        if (failed.value() != null) {
            letter.setOriginalValue(ByteString.copyFrom(failed.value()));
        }
        return new ProducerRecord<>(deadLetters.name(), failed.key(), letter.build().toByteArray());
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
