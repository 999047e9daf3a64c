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
 * seen twice (a redelivery after a crash) is a duplicate by content and stored once. A
 * tombstone (no value, key = identity id) deletes that identity's crops.
 */
public final class HarvestIntake implements RecordHandler {
    private final CropStore store;
    private final LongSupplier clock;
    private final Map<CropStore.Outcome, Long> outcomes = new EnumMap<>(CropStore.Outcome.class);
    private final java.util.concurrent.atomic.AtomicLong erasedCrops = new java.util.concurrent.atomic.AtomicLong();

    public HarvestIntake(CropStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> record) throws Exception {
        if (record.value() == null) {
            erase(record);
            return List.of();
        }
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

    /** A tombstone, key = identity id: the matcher erased that person, so their crops go too. */
    private void erase(ConsumerRecord<byte[], byte[]> record) throws java.io.IOException {
        String key = record.key() == null ? "" : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        long identity;
        try {
            identity = Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a harvest tombstone's key is an identity id, not '" + key + "'");
        }
        erasedCrops.addAndGet(store.eraseIdentity(identity));
    }

    /** Crops deleted because their identity was erased. */
    public long erasedCrops() {
        return erasedCrops.get();
    }

    /** How many offered crops had each outcome so far. */
    public Map<CropStore.Outcome, Long> outcomes() {
        synchronized (outcomes) {
            return Map.copyOf(outcomes);
        }
    }
}
