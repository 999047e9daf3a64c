package io.crossview.matcher.query;

/**
 * One tracklet of an identity's timeline: a finished sighting, or a track the linker still
 * follows ({@code live}), whose {@code lastMs} is when it was last seen so far.
 */
public record TimelineEntry(String camera, long trackId, long firstMs, long lastMs, boolean live) {
    public TimelineEntry {
        if (camera == null || camera.isEmpty()) {
            throw new IllegalArgumentException("a tracklet needs its camera");
        }
    }
}
