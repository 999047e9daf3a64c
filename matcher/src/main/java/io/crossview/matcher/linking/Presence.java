package io.crossview.matcher.linking;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Sighting;
import io.crossview.common.wire.TrackLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where and when an identity was seen: its live tracks (from the link store) and its finished
 * tracklets (from its record), which the link constraints are judged on.
 *
 * @param track {@code camera/trackId}
 */
record Presence(String camera, String track, long firstMs, long lastMs) {

    /** The live tracks of every decided identity of the site, by identity. */
    static Map<Long, List<Presence>> live(KeyValueStore<String, TrackLink> links) {
        Map<Long, List<Presence>> byIdentity = new HashMap<>();
        try (KeyValueIterator<String, TrackLink> all = links.all()) {
            while (all.hasNext()) {
                KeyValue<String, TrackLink> entry = all.next();
                if (entry.value.getIdentityId() != 0) {
                    byIdentity.computeIfAbsent(entry.value.getIdentityId(), id -> new ArrayList<>())
                            .add(new Presence(cameraOf(entry.key), entry.key, entry.value.getFirstSeenMs(),
                                    entry.value.getLastSeenMs()));
                }
            }
        }
        return byIdentity;
    }

    /** Live tracks and finished tracklets of one identity, leaving out {@code exceptTrack}. */
    static List<Presence> of(IdentityRecord identity, Map<Long, List<Presence>> live, String exceptTrack) {
        List<Presence> all = new ArrayList<>();
        for (Presence p : live.getOrDefault(identity.getId(), List.of())) {
            if (!p.track().equals(exceptTrack)) {
                all.add(p);
            }
        }
        for (Sighting s : identity.getSightingsList()) {
            String track = LinkKeys.link(s.getCamera(), s.getTrackId());
            if (!track.equals(exceptTrack)) {
                all.add(new Presence(s.getCamera(), track, s.getFirstMs(), s.getLastMs()));
            }
        }
        return all;
    }

    static String cameraOf(String linkKey) {
        return linkKey.substring(0, linkKey.lastIndexOf('/'));
    }
}
