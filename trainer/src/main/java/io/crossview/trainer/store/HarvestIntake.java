package io.crossview.trainer.store;

import io.crossview.common.kafka.RecordHandler;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.HarvestedCrop;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Takes the {@code harvest} topic into the crop store: the trainer's stage handler. A record
 * that is not a crop throws, so the stage loop sends it to dead-letters and goes on; a crop
 * seen twice (a redelivery after a crash) is a duplicate by content and stored once.
 */
public final class HarvestIntake implements RecordHandler {
    private final CropStore store;
    private final LongSupplier clock;
    private final Map<CropStore.Outcome, Long> outcomes = new EnumMap<>(CropStore.Outcome.class);

    public HarvestIntake(CropStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> record) throws Exception {
        HarvestedCrop crop = WireSerdes.HARVEST.deserialize(record.topic(), record.value());
        if (crop.getJpeg().isEmpty() || crop.getIdentityId() == 0) {
            throw new IllegalArgumentException("a harvested crop needs a JPEG and an identity");
        }
        CropStore.Outcome outcome = store.put(crop, clock.getAsLong());
        synchronized (outcomes) {
            outcomes.merge(outcome, 1L, Long::sum);
        }
        return List.of();
    }

    /** How many offered crops had each outcome so far. */
    public Map<CropStore.Outcome, Long> outcomes() {
        synchronized (outcomes) {
            return Map.copyOf(outcomes);
        }
    }
}
