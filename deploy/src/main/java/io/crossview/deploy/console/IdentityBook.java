package io.crossview.deploy.console;

import io.crossview.common.wire.IdentityEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the console knows of each identity: the cameras it was seen on, when, and a few crop
 * thumbnails, the matcher's harvested crops first. An erased identity is forgotten here too.
 */
final class IdentityBook {
    static final int THUMBNAILS = 8;
    /** Identities kept; beyond, those seen longest ago are forgotten (a day of a busy site is more). */
    static final int MAX_IDENTITIES = 5_000;
    private static final int EVICT_AT_ONCE = 100;

    /** One identity, as listed. */
    record Summary(long id, List<String> cameras, long firstMs, long lastMs, int thumbnails) {
    }

    private final Map<Long, Entry> identities = new ConcurrentHashMap<>();

    void event(IdentityEvent event) {
        if (event.getIdentityId() == 0) {
            return;
        }
        entry(event.getIdentityId()).seen(event.getFrame().getCamera(), event.getFrame().getCaptureMs());
    }

    /** A crop of an identity, kept while it has fewer than {@link #THUMBNAILS} or is better than its worst. */
    void thumbnail(long id, String camera, byte[] jpeg, double quality) {
        entry(id).thumbnail(camera, jpeg, quality);
    }

    private Entry entry(long id) {
        Entry entry = identities.get(id);
        if (entry != null) {
            return entry;
        }
        if (identities.size() >= MAX_IDENTITIES + EVICT_AT_ONCE) {
            identities.values().stream().sorted(Comparator.comparingLong(Entry::lastMs)).limit(EVICT_AT_ONCE)
                    .map(Entry::id).toList().forEach(identities::remove);
        }
        return identities.computeIfAbsent(id, Entry::new);
    }

    boolean needsThumbnail(long id) {
        Entry entry = identities.get(id);
        return entry == null || entry.thumbnailCount() < 2;
    }

    void erase(long id) {
        identities.remove(id);
    }

    boolean knows(long id) {
        return identities.containsKey(id);
    }

    /** The most recently seen identities first. */
    List<Summary> recent(int limit) {
        return identities.values().stream().map(Entry::summary)
                .sorted(Comparator.comparingLong(Summary::lastMs).reversed().thenComparingLong(Summary::id))
                .limit(limit).toList();
    }

    Summary summary(long id) {
        Entry entry = identities.get(id);
        return entry == null ? null : entry.summary();
    }

    /** The {@code index}th thumbnail, or null. */
    byte[] thumbnail(long id, int index) {
        Entry entry = identities.get(id);
        return entry == null ? null : entry.thumbnail(index);
    }

    private static final class Entry {
        private record Crop(String camera, byte[] jpeg, double quality) {
        }

        private final long id;
        private final Set<String> cameras = new TreeSet<>();
        private final List<Crop> crops = new ArrayList<>();
        private long firstMs = Long.MAX_VALUE;
        private long lastMs;

        Entry(long id) {
            this.id = id;
        }

        long id() {
            return id;
        }

        synchronized long lastMs() {
            return lastMs;
        }

        synchronized void seen(String camera, long atMs) {
            cameras.add(camera);
            firstMs = Math.min(firstMs, atMs);
            lastMs = Math.max(lastMs, atMs);
        }

        synchronized void thumbnail(String camera, byte[] jpeg, double quality) {
            cameras.add(camera);
            if (crops.size() < THUMBNAILS) {
                crops.add(new Crop(camera, jpeg, quality));
                return;
            }
            Crop worst = crops.stream().min(Comparator.comparingDouble(Crop::quality)).orElseThrow();
            if (quality > worst.quality()) {
                crops.set(crops.indexOf(worst), new Crop(camera, jpeg, quality));
            }
        }

        synchronized int thumbnailCount() {
            return crops.size();
        }

        synchronized byte[] thumbnail(int index) {
            return index >= 0 && index < crops.size() ? crops.get(index).jpeg() : null;
        }

        synchronized Summary summary() {
            return new Summary(id, List.copyOf(cameras), firstMs == Long.MAX_VALUE ? 0 : firstMs, lastMs, crops.size());
        }
    }
}
