package io.crossview.deploy.testing;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Bytes that are no frame, on camera {@code left}'s key: what the detector must dead-letter. */
public final class CorruptFrame {
    private CorruptFrame() {
    }

    public static void send(KafkaConnection kafka, Topics topics) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("it-corrupt"))) {
            producer.send(new ProducerRecord<>(topics.frames().name(), "left".getBytes(StandardCharsets.UTF_8),
                    "not a frame".getBytes(StandardCharsets.UTF_8))).get();
        }
    }
}
