package io.crossview.matcher.query;

import java.util.Optional;

/** A local track of a camera, as the linker keys its links: {@code camera + "/" + trackId}. */
record TrackKey(String camera, long trackId) {
    /** Splits at the last slash, since camera ids may hold slashes and track ids never do. */
    static Optional<TrackKey> parse(String key) {
        int slash = key.lastIndexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TrackKey(key.substring(0, slash), Long.parseLong(key.substring(slash + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String prefixOf(String camera) {
        return camera + "/";
    }
}
