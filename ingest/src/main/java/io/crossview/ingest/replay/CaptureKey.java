package io.crossview.ingest.replay;

import io.crossview.common.wire.FrameRef;
import java.util.Comparator;

/** Where a frame falls in capture order: capture time, then camera id, then sequence number. */
public record CaptureKey(long captureMs, String camera, long seq) implements Comparable<CaptureKey> {
    private static final Comparator<CaptureKey> ORDER = Comparator.comparingLong(CaptureKey::captureMs)
            .thenComparing(CaptureKey::camera)
            .thenComparingLong(CaptureKey::seq);

    public CaptureKey {
        if (camera == null) {
            throw new IllegalArgumentException("camera is null");
        }
    }

    public static CaptureKey of(FrameRef ref) {
        return new CaptureKey(ref.getCaptureMs(), ref.getCamera(), ref.getSeq());
    }

    @Override
    public int compareTo(CaptureKey other) {
        return ORDER.compare(this, other);
    }
}
