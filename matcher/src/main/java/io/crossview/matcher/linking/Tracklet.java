package io.crossview.matcher.linking;

/**
 * One track of the re-assignment window, live or finished, as the clustering sees it.
 *
 * @param key        {@code camera/trackId}
 * @param appearance the track's clean mean appearance, L2-normalised
 * @param identity   the identity the online decisions gave it
 * @param weight     frames it was seen: the say it has in which identity id its cluster keeps
 */
record Tracklet(String key, String camera, long firstMs, long lastMs, String model, float[] appearance,
                long identity, int weight) {

    double cosine(Tracklet other) {
        if (appearance.length != other.appearance.length) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < appearance.length; i++) {
            dot += appearance[i] * other.appearance[i];
        }
        return dot;
    }

    boolean overlapsInTime(Tracklet other) {
        return firstMs <= other.lastMs && other.firstMs <= lastMs;
    }
}
