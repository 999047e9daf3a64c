package io.crossview.matcher.linking;

import io.crossview.common.wire.TrackLink;
import io.crossview.matcher.harvest.HarvestBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets one person in a linker task: the identity's record (prototypes, timeline) and its
 * search index entry, the links of its tracks live and recently finished, and the crops the
 * harvest buffer holds for them. Every delete reaches the stores' changelogs as a tombstone.
 * A track of the person still in view is a new track from its next frame on.
 */
final class Erasure {
    private Erasure() {
    }

    /** What was removed, for the log line. */
    record Removed(boolean identity, int liveTracks, int finishedTracks, int bufferedCrops) {
        boolean any() {
            return identity || liveTracks + finishedTracks + bufferedCrops > 0;
        }
    }

    static Removed forget(long id, IdentityGallery gallery, KeyValueStore<String, TrackLink> links,
                          KeyValueStore<String, TrackLink> recent, HarvestBuffer harvest,
                          TrackletAppearances appearances) {
        boolean had = gallery.get(id) != null;
        gallery.remove(id);
        List<String> live = linksOf(links, id);
        int crops = 0;
        for (String key : live) {
            crops += harvest.release(key, id).size();
            appearances.remove(key);
            links.delete(key);
        }
        List<String> finished = linksOf(recent, id);
        finished.forEach(recent::delete);
        return new Removed(had, live.size(), finished.size(), crops);
    }

    private static List<String> linksOf(KeyValueStore<String, TrackLink> store, long id) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, TrackLink> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.getIdentityId() == id) {
                    keys.add(entry.key);
                }
            });
        }
        return keys;
    }
}
