package io.crossview.matcher.harvest;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.TrackObservation;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Crops the tracker picked for training, held per track until the track ends and its
 * identity is final: a crop labelled with an identity that is later corrected would teach the
 * trainer the wrong person. The tracker bounds how many a track gets, so this store is bounded
 * by the live tracks.
 */
public final class HarvestBuffer {
    public static final String STORE = "harvest-buffer";

    private static final StringSerializer KEYS = new StringSerializer();
    private final KeyValueStore<String, HarvestedCrop> store;

    public HarvestBuffer(KeyValueStore<String, HarvestedCrop> store) {
        this.store = store;
    }

    /** Keeps the observation's crop if the tracker picked one. */
    public void keep(String track, FrameRef frame, TrackObservation observation, String modelVersion) {
        if (observation.getHarvestJpeg().isEmpty()) {
            return;
        }
        store.put(track + "/" + frame.getSeq(), HarvestedCrop.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(frame)
                .setJpeg(observation.getHarvestJpeg())
                .setTrackId(observation.getTrackId())
                .setEmbedding(observation.hasHarvestEmbedding() ? observation.getHarvestEmbedding()
                        : observation.getEmbedding())
                .setModelVersion(modelVersion)
                .setQuality(observation.getHarvestQuality())
                .build());
    }

    /** The track's crops labelled with its final identity, removed from the buffer; none when {@code identityId} is 0. */
    public List<HarvestedCrop> release(String track, long identityId) {
        List<String> keys = new ArrayList<>();
        List<HarvestedCrop> crops = new ArrayList<>();
        try (KeyValueIterator<String, HarvestedCrop> mine = store.prefixScan(track + "/", KEYS)) {
            while (mine.hasNext()) {
                KeyValue<String, HarvestedCrop> entry = mine.next();
                keys.add(entry.key);
                if (identityId != 0) {
                    crops.add(entry.value.toBuilder().setIdentityId(identityId).build());
                }
            }
        }
        keys.forEach(store::delete);
        return crops;
    }
}
