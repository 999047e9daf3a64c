package io.crossview.deploy.run;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.CropStoreSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Copies everything on the {@code harvest} topic into a crop store once a run has drained, so a
 * benchmark run leaves the training data the live system would have collected.
 */
final class HarvestDump {
    /** Recorded runs replay old capture times; a store for them keeps crops of any age. */
    private static final Duration KEEP = Duration.ofDays(365L * 100);
    private static final int MAX_PER_IDENTITY = 100;

    private HarvestDump() {
    }

    record Result(long read, long stored) {
    }

    static Result into(KafkaConnection kafka, Topics topics, Path storeDir) throws IOException {
        long read = 0;
        long stored = 0;
        try (CropStore store = CropStore.open(storeDir, new CropStoreSettings(MAX_PER_IDENTITY, KEEP));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumer("harvest-dump"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.harvest().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    HarvestedCrop crop = WireSerdes.HARVEST.deserialize(r.topic(), r.value());
                    CropStore.Outcome outcome = store.put(crop, crop.getFrame().getCaptureMs());
                    if (outcome == CropStore.Outcome.STORED || outcome == CropStore.Outcome.REPLACED_WORSE) {
                        stored++;
                    }
                }
            }
        }
        return new Result(read, stored);
    }
}
