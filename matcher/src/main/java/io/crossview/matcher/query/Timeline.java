package io.crossview.matcher.query;

import java.util.List;

/** Where and when an identity was seen: its tracklets in order of their start. */
public record Timeline(long identity, List<String> cameras, long firstSeenMs, long lastSeenMs,
                       List<TimelineEntry> tracklets) {
    public Timeline {
        cameras = List.copyOf(cameras);
        tracklets = List.copyOf(tracklets);
    }
}
