package io.crossview.ingest.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count}: every count-th camera of a cameras file, starting at the
 * index-th, so that several ingest processes reading the same file publish each camera once.
 * Cameras keep their sequence numbers when a shard moves to another process on the same state
 * directory, whose per-camera lock also refuses a camera that two shards claim.
 */
public record CameraShard(int index, int count) {
    public static final CameraShard ALL = new CameraShard(1, 1);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public CameraShard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard wants I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}, e.g. {@code 2/3}. */
    public static CameraShard parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard wants I/N, e.g. 2/3, not '" + text + "'");
        }
        return new CameraShard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This shard's cameras, in file order. */
    public List<CameraConfig> of(List<CameraConfig> cameras) {
        List<CameraConfig> mine = new ArrayList<>();
        for (int i = index - 1; i < cameras.size(); i += count) {
            mine.add(cameras.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
