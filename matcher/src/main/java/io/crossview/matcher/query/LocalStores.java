package io.crossview.matcher.query;

import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.SimilarityCounts;
import io.crossview.common.wire.TrackLink;
import io.crossview.matcher.calibration.Calibrations;
import io.crossview.matcher.linking.LinkerProcessor;
import io.crossview.matcher.tracking.TrackerProcessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the stores of this instance's active tasks. An instance with no active task of a store
 * answers with nothing; one that cannot read its stores now (rebalancing, restoring) says so
 * with a 503 rather than a partial answer.
 */
final class LocalStores {
    private final KafkaStreams streams;
    private final Instances instances;

    LocalStores(KafkaStreams streams, Instances instances) {
        this.streams = streams;
        this.instances = instances;
    }

    Optional<Timeline> timeline(long identity) {
        Optional<ReadOnlyKeyValueStore<String, IdentityRecord>> gallery = store(LinkerProcessor.GALLERY_STORE);
        if (gallery.isEmpty()) {
            return Optional.empty();
        }
        IdentityRecord record = read(() -> gallery.get().get(Long.toString(identity)));
        if (record == null) {
            return Optional.empty();
        }
        // the links of the same linker task as the gallery: they live in this instance too
        Map<String, TrackLink> live = new HashMap<>();
        this.<TrackLink>store(LinkerProcessor.LINK_STORE).ifPresent(links -> read(() -> {
            try (KeyValueIterator<String, TrackLink> all = links.all()) {
                all.forEachRemaining(e -> {
                    if (e.value.getIdentityId() == identity) {
                        live.put(e.key, e.value);
                    }
                });
            }
            return null;
        }));
        return Optional.of(Timelines.of(record, live));
    }

    List<SimilarityCounts> calibrationCounts() {
        List<SimilarityCounts> out = new ArrayList<>();
        this.<SimilarityCounts>store(Calibrations.STORE).ifPresent(store -> read(() -> {
            try (KeyValueIterator<String, SimilarityCounts> all = store.all()) {
                all.forEachRemaining(e -> out.add(e.value));
            }
            return null;
        }));
        return out;
    }

    Optional<CameraTracksView> cameraTracks(String camera) {
        Optional<ReadOnlyKeyValueStore<String, CameraTracks>> tracks = store(TrackerProcessor.STORE);
        CameraTracks state = tracks.isEmpty() ? null : read(() -> tracks.get().get(camera));
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(CameraViews.linked(CameraViews.tracks(camera, state), links(camera)));
    }

    List<LinkView> links(String camera) {
        Optional<ReadOnlyKeyValueStore<String, TrackLink>> links = store(LinkerProcessor.LINK_STORE);
        List<LinkView> out = new ArrayList<>();
        links.ifPresent(store -> read(() -> {
            try (KeyValueIterator<String, TrackLink> ofCamera = store.prefixScan(TrackKey.prefixOf(camera),
                    new StringSerializer())) {
                while (ofCamera.hasNext()) {
                    KeyValue<String, TrackLink> e = ofCamera.next();
                    // the prefix "a/" also finds camera "a/b"
                    if (TrackKey.parse(e.key).map(k -> k.camera().equals(camera)).orElse(false)) {
                        CameraViews.link(e.key, e.value).ifPresent(out::add);
                    }
                }
            }
            return null;
        }));
        return out;
    }

    List<SearchHit> search(Embedded query, int k) {
        Optional<ReadOnlyKeyValueStore<String, IdentityRecord>> gallery = store(LinkerProcessor.GALLERY_STORE);
        if (gallery.isEmpty()) {
            return List.of();
        }
        return read(() -> {
            try (KeyValueIterator<String, IdentityRecord> all = gallery.get().all()) {
                return GallerySearch.top(values(all), query, k);
            }
        });
    }

    private static <V> Iterator<V> values(KeyValueIterator<String, V> entries) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public V next() {
                return entries.next().value;
            }
        };
    }

    private <V> Optional<ReadOnlyKeyValueStore<String, V>> store(String name) {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw QueryException.unavailable("this matcher instance is " + state + ": try again shortly", null);
        }
        // Streams throws the same exception for "not here" as for "not ready": tell them apart first
        if (!instances.hostsLocally(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            throw unavailable(name, e);
        }
    }

    /** Stores open their tasks lazily: a read can also find one that just migrated. */
    private static <T> T read(java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidStateStoreException e) {
            throw unavailable("a store", e);
        }
    }

    private static QueryException unavailable(String store, InvalidStateStoreException e) {
        return QueryException.unavailable("cannot read " + store + " now (rebalancing?): " + e.getMessage(), e);
    }
}
