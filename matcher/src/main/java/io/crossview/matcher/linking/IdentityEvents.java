package io.crossview.matcher.linking;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityState;
import io.crossview.common.wire.TrackLink;

/** The identity event telling what the linker knows of a track at its latest frame. */
final class IdentityEvents {
    private IdentityEvents() {
    }

    static IdentityEvent of(FrameRef frame, long trackId, TrackLink link, IdentityState state, long previousIdentity) {
        return IdentityEvent.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(frame)
                .setBox(link.getLastBox())
                .setTrackId(trackId)
                .setIdentityId(link.getIdentityId())
                .setConfidence(link.getIdentityId() == 0 ? 0f : link.getConfidence())
                .setState(state)
                .setModelVersion(link.getModelVersion())
                .setPreviousIdentityId(previousIdentity)
                .build();
    }
}
