package io.crossview.common.serde;

import io.crossview.common.wire.CameraStatus;
import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.DeadLetter;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityErasure;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.common.wire.TrackletUpdate;

/** One serde per wire message. */
public final class WireSerdes {
    public static final ProtoSerde<Frame> FRAME =
            ProtoSerde.of(Frame.class, Frame.parser(), Frame::getSchemaVersion);
    public static final ProtoSerde<FrameDetections> DETECTIONS =
            ProtoSerde.of(FrameDetections.class, FrameDetections.parser(), FrameDetections::getSchemaVersion);
    public static final ProtoSerde<FrameEmbeddings> EMBEDDINGS =
            ProtoSerde.of(FrameEmbeddings.class, FrameEmbeddings.parser(), FrameEmbeddings::getSchemaVersion);
    public static final ProtoSerde<IdentityEvent> IDENTITY =
            ProtoSerde.of(IdentityEvent.class, IdentityEvent.parser(), IdentityEvent::getSchemaVersion);
    public static final ProtoSerde<HarvestedCrop> HARVEST =
            ProtoSerde.of(HarvestedCrop.class, HarvestedCrop.parser(), HarvestedCrop::getSchemaVersion);
    public static final ProtoSerde<IdentityErasure> ERASURE =
            ProtoSerde.of(IdentityErasure.class, IdentityErasure.parser(), IdentityErasure::getSchemaVersion);
    public static final ProtoSerde<ModelAnnouncement> MODEL =
            ProtoSerde.of(ModelAnnouncement.class, ModelAnnouncement.parser(), ModelAnnouncement::getSchemaVersion);
    public static final ProtoSerde<DeadLetter> DEAD_LETTER =
            ProtoSerde.of(DeadLetter.class, DeadLetter.parser(), DeadLetter::getSchemaVersion);
    public static final ProtoSerde<CameraStatus> CAMERA_STATUS =
            ProtoSerde.of(CameraStatus.class, CameraStatus.parser(), CameraStatus::getSchemaVersion);
    public static final ProtoSerde<TrackletUpdate> TRACKLETS =
            ProtoSerde.of(TrackletUpdate.class, TrackletUpdate.parser(), TrackletUpdate::getSchemaVersion);
    public static final ProtoSerde<CameraTracks> CAMERA_TRACKS =
            ProtoSerde.of(CameraTracks.class, CameraTracks.parser(), CameraTracks::getSchemaVersion);
    public static final ProtoSerde<IdentityRecord> IDENTITY_RECORD =
            ProtoSerde.of(IdentityRecord.class, IdentityRecord.parser(), IdentityRecord::getSchemaVersion);

    private WireSerdes() {
    }
}
