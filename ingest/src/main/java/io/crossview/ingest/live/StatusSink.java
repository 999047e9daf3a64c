package io.crossview.ingest.live;

import io.crossview.common.wire.CameraStatus;

/** Where camera state changes go: the camera-status topic and the log. */
public interface StatusSink {
    void report(CameraStatus status);
}
