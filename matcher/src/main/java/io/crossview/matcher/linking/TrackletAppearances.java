package io.crossview.matcher.linking;

import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackletAppearance;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.common.wire.Vector;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The clean appearance of every live track, for re-assignment, in a store of its own: the
 * link is written on every frame, and a second vector in it made the matcher about a third
 * slower (changelog bytes and serialisation), while consecutive frames at 10 fps look alike,
 * so a sample of them gives the same mean.
 */
final class TrackletAppearances {
    /** Live tracks' {@link TrackletAppearance}, by {@code camera/trackId}. */
    static final String STORE = "tracklet-appearance";
    /** Observations between two samples of a track's appearance. */
    static final int EVERY = 3;

    private final KeyValueStore<String, TrackletAppearance> store;

    TrackletAppearances(KeyValueStore<String, TrackletAppearance> store) {
        this.store = store;
    }

    /** Adds this observation of the track when it is a sampled one and clean. */
    void observe(String key, TrackLink link, TrackObservation track, TrackletUpdate update) {
        if ((link.getObservations() - 1) % EVERY != 0 || track.getEmbedding().getValuesCount() == 0
                || !CleanObservation.of(track, update)) {
            return;
        }
        store.put(key, CleanObservation.add(store.get(key), track.getEmbedding(), update.getModelVersion()));
    }

    /** The link with the track's clean appearance of its current model, as {@code recent-tracklets} keeps it. */
    TrackLink attach(String key, TrackLink link) {
        TrackletAppearance a = current(key, link);
        return a == null ? link.toBuilder().clearAppearanceSum().setAppearanceCount(0).build()
                : link.toBuilder().setAppearanceSum(a.getSum()).setAppearanceCount(a.getCount()).build();
    }

    /** The sum of the track's clean observations of its link's model, or null when there is none. */
    Vector sum(String key, TrackLink link) {
        TrackletAppearance a = current(key, link);
        return a == null ? null : a.getSum();
    }

    private TrackletAppearance current(String key, TrackLink link) {
        TrackletAppearance a = store.get(key);
        return a == null || a.getCount() == 0 || !a.getModelVersion().equals(link.getModelVersion()) ? null : a;
    }

    void remove(String key) {
        store.delete(key);
    }
}
