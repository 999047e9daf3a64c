package io.crossview.matcher.query;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Sighting;
import io.crossview.common.wire.TrackLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds an identity's timeline from its gallery record and live links, and merges the parts instances return. */
public final class Timelines {
    static final Comparator<TimelineEntry> ORDER = Comparator.comparingLong(TimelineEntry::firstMs)
            .thenComparing(TimelineEntry::camera).thenComparingLong(TimelineEntry::trackId)
            .thenComparing(TimelineEntry::live);

    private Timelines() {
    }

    /**
     * The timeline of {@code identity}: its finished sightings and, of {@code links} (keyed
     * {@code camera/trackId}, any identity), the live tracks linked to it.
     */
    public static Timeline of(IdentityRecord identity, Map<String, TrackLink> links) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Sighting s : identity.getSightingsList()) {
            entries.add(new TimelineEntry(s.getCamera(), s.getTrackId(), s.getFirstMs(), s.getLastMs(), false));
        }
        long lastSeen = identity.getLastSeenMs();
        Set<String> cameras = new LinkedHashSet<>(identity.getCamerasList());
        for (Map.Entry<String, TrackLink> e : links.entrySet()) {
            TrackLink link = e.getValue();
            Optional<TrackKey> key = TrackKey.parse(e.getKey());
            if (link.getIdentityId() != identity.getId() || key.isEmpty()) {
                continue;
            }
            // links written before first_seen_ms was kept know only when the track was last seen
            long first = link.getFirstSeenMs() != 0 ? link.getFirstSeenMs() : link.getLastSeenMs();
            entries.add(new TimelineEntry(key.get().camera(), key.get().trackId(), first, link.getLastSeenMs(), true));
            cameras.add(key.get().camera());
            lastSeen = Math.max(lastSeen, link.getLastSeenMs());
        }
        return new Timeline(identity.getId(), List.copyOf(cameras), identity.getFirstSeenMs(), lastSeen,
                ordered(entries));
    }

    /** One timeline of the parts that instances found of {@code identity}, or none when no instance had it. */
    public static Optional<Timeline> merge(long identity, List<Timeline> parts) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Set<String> cameras = new LinkedHashSet<>();
        List<TimelineEntry> entries = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Timeline part : parts) {
            cameras.addAll(part.cameras());
            entries.addAll(part.tracklets());
            first = Math.min(first, part.firstSeenMs());
            last = Math.max(last, part.lastSeenMs());
        }
        return Optional.of(new Timeline(identity, List.copyOf(cameras), first, last, ordered(entries)));
    }

    /**
     * Sorted, one entry per track: a track that shows up finished and live (its sighting was
     * written while an instance still answered from an older link) counts as finished.
     */
    private static List<TimelineEntry> ordered(List<TimelineEntry> entries) {
        Map<TrackKey, TimelineEntry> byTrack = new LinkedHashMap<>();
        for (TimelineEntry e : entries) {
            byTrack.merge(new TrackKey(e.camera(), e.trackId()), e, Timelines::better);
        }
        List<TimelineEntry> out = new ArrayList<>(byTrack.values());
        out.sort(ORDER);
        return out;
    }

    private static TimelineEntry better(TimelineEntry a, TimelineEntry b) {
        if (a.live() != b.live()) {
            return a.live() ? b : a;
        }
        return b.lastMs() > a.lastMs() ? b : a;
    }
}
