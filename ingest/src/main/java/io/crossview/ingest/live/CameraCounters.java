package io.crossview.ingest.live;

import io.crossview.common.wire.CameraState;
import java.util.concurrent.atomic.AtomicLong;

/** What one camera has done so far; written by its threads, read by progress and status. */
final class CameraCounters {
    final AtomicLong grabbed = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    volatile long lastPictureMs;
    volatile CameraState state = CameraState.CAMERA_CONNECTING;
}
