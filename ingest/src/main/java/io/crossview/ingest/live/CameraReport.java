package io.crossview.ingest.live;

import io.crossview.common.wire.CameraState;

/**
 * A snapshot of one camera for progress lines and benchmarks.
 *
 * @param grabbed   sampled pictures taken from the source
 * @param published frames the broker acknowledged
 * @param dropped   frames the drop policy discarded while Kafka was slow
 * @param failed    frames the producer could not deliver
 */
public record CameraReport(String camera, CameraState state, long grabbed, long published, long dropped, long failed,
                           long reconnects, int queued) {
    public String stateLabel() {
        return state.name().substring("CAMERA_".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
