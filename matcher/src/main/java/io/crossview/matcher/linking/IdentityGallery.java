package io.crossview.matcher.linking;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.gallery.GalleryIndex;
import io.crossview.matcher.gallery.Match;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The identities of a site: their records live in a RocksDB store (with its changelog, so they
 * survive crashes and move with the task) and their prototypes also in an in-memory index for
 * top-k search, rebuilt from the store when the task starts. Every write goes through here so
 * the two never disagree.
 */
final class IdentityGallery {
    private final KeyValueStore<String, IdentityRecord> store;
    private final KeyValueStore<String, Long> sequence;
    private final GalleryIndex index = new GalleryIndex();
    private final java.util.Set<Long> ids = new java.util.HashSet<>();

    /** Identity ids of one linker task; the task's partition in the high digits keeps them unique across sites. */
    static final long IDS_PER_PARTITION = 1_000_000_000L;

    private final long firstId;

    IdentityGallery(KeyValueStore<String, IdentityRecord> store, KeyValueStore<String, Long> sequence, int partition) {
        this.firstId = partition * IDS_PER_PARTITION;
        this.store = store;
        this.sequence = sequence;
        try (KeyValueIterator<String, IdentityRecord> all = store.all()) {
            while (all.hasNext()) {
                IdentityRecord record = Prototypes.upgrade(all.next().value);
                indexRecord(record);
                ids.add(record.getId());
            }
        }
    }

    IdentityRecord get(long id) {
        IdentityRecord record = store.get(LinkKeys.identity(id));
        return record == null ? null : Prototypes.upgrade(record);
    }

    void put(IdentityRecord record) {
        store.put(LinkKeys.identity(record.getId()), record);
        ids.add(record.getId());
        index.remove(record.getId());
        indexRecord(record);
    }

    void remove(long id) {
        store.delete(LinkKeys.identity(id));
        ids.remove(id);
        index.remove(id);
    }

    /** Identities this task holds. */
    int size() {
        return ids.size();
    }

    /** The {@code k} identities most like {@code vector} among those {@code allowed}, best first. */
    List<Match> nearest(Vector vector, String modelVersion, int k, LongPredicate allowed) {
        float[] query = new float[vector.getValuesCount()];
        for (int i = 0; i < query.length; i++) {
            query[i] = vector.getValues(i);
        }
        if (index.size(modelVersion) == 0 || index.dimension(modelVersion) != query.length) {
            return List.of();
        }
        return index.topK(query, modelVersion, k, allowed);
    }

    long nextId() {
        Long last = sequence.get("identity");
        long next = last == null ? firstId + 1 : last + 1;
        sequence.put("identity", next);
        return next;
    }

    private void indexRecord(IdentityRecord record) {
        for (String version : Prototypes.versions(record)) {
            index.put(record.getId(), version, Prototypes.rows(record, version));
        }
    }

}
