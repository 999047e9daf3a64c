package io.crossview.common.topics;

import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.CameraStatus;
import io.crossview.common.wire.DeadLetter;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityErasure;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.ModelAnnouncement;
import java.util.List;
import java.util.Map;

/**
 * The topics of one CrossView namespace. A prefix (for instance {@code replay1.}) lets a
 * second pipeline run beside the first on the same cluster.
 */
public final class Topics {
    /** Frames are whole JPEG pictures; 8 MiB leaves room for 4K at high quality. */
    public static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;

    private static final Map<String, String> LARGE = Map.of(
            "max.message.bytes", Integer.toString(MAX_FRAME_BYTES));

    private final String prefix;

    public Topics(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix may only hold letters, digits, '.', '_' and '-': " + prefix);
        }
        this.prefix = prefix;
    }

    public static Topics defaults() {
        return new Topics("");
    }

    public String prefix() {
        return prefix;
    }

    /** The recording: a new topic keeps {@link Recording#DEFAULT}; ingest may set another window. */
    public Topic<Frame> frames() {
        Map<String, String> configs = new java.util.HashMap<>(LARGE);
        configs.putAll(Recording.DEFAULT.topicConfigs());
        return new Topic<>(prefix + "frames", WireSerdes.FRAME, configs);
    }

    public Topic<FrameDetections> detections() {
        return new Topic<>(prefix + "detections", WireSerdes.DETECTIONS, LARGE);
    }

    public Topic<FrameEmbeddings> embeddings() {
        return new Topic<>(prefix + "embeddings", WireSerdes.EMBEDDINGS, LARGE);
    }

    public Topic<IdentityEvent> identities() {
        return new Topic<>(prefix + "identities", WireSerdes.IDENTITY, Map.of());
    }

    public Topic<HarvestedCrop> harvest() {
        return new Topic<>(prefix + "harvest", WireSerdes.HARVEST, LARGE);
    }

    public Topic<ModelAnnouncement> models() {
        return new Topic<>(prefix + "models", WireSerdes.MODEL, Map.of("cleanup.policy", "compact"));
    }

    public Topic<CameraStatus> cameraStatus() {
        return new Topic<>(prefix + "camera-status", WireSerdes.CAMERA_STATUS, Map.of());
    }

    public Topic<DeadLetter> deadLetters() {
        return new Topic<>(prefix + "dead-letters", WireSerdes.DEAD_LETTER, LARGE);
    }

    /** Requests to forget one person; every matcher task reads its partition of it. */
    public Topic<IdentityErasure> erasures() {
        return new Topic<>(prefix + "erasures", WireSerdes.ERASURE, Map.of());
    }

    public List<Topic<?>> all() {
        return List.of(frames(), detections(), embeddings(), identities(), harvest(), models(), cameraStatus(),
                erasures(), deadLetters());
    }
}
