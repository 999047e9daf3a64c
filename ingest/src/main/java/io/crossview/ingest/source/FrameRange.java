package io.crossview.ingest.source;

/** Source frame numbers [first, first + count); count 0 means to the end. */
public record FrameRange(long first, long count) {
    public FrameRange {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("frame range needs first >= 0 and count >= 0");
        }
    }

    public static FrameRange all() {
        return new FrameRange(0, 0);
    }

    public boolean contains(long frame) {
        return frame >= first && !isAfter(frame);
    }

    public boolean isAfter(long frame) {
        return count > 0 && frame >= first + count;
    }
}
