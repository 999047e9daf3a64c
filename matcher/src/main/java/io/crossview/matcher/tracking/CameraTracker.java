package io.crossview.matcher.tracking;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackState;
import io.crossview.common.wire.TrackletUpdate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Online tracking within one camera: constant-velocity prediction, then greedy pairing of
 * tracks and detections by a score that fuses box overlap and appearance. Pure: state in,
 * state out, so the processor can keep the state in a store.
 */
public final class CameraTracker {
    private final TrackerParams params;

    public CameraTracker(TrackerParams params) {
        this.params = params;
    }

    /** The new camera state and what the linker should learn from this frame. */
    public record Step(CameraTracks state, TrackletUpdate update) {
    }

    private record Pair(int track, int detection, double score) {
    }

    public Step step(CameraTracks previous, FrameEmbeddings frame) {
        CameraTracks state = previous;
        TrackletUpdate.Builder update = TrackletUpdate.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(frame.getFrame())
                .setModelVersion(frame.getModelVersion());
        if (!state.getModelVersion().isEmpty() && !state.getModelVersion().equals(frame.getModelVersion())) {
            // Embeddings of two models are not comparable: end every track and start over.
            for (TrackState t : state.getTracksList()) {
                update.addEndedTrackIds(t.getId());
            }
            state = state.toBuilder().clearTracks().build();
        }
        List<TrackState> tracks = state.getTracksList();
        List<EmbeddedBox> detections = frame.getBoxesList();
        List<Box> predicted = new ArrayList<>(tracks.size());
        for (TrackState t : tracks) {
            long gap = Math.max(1, frame.getFrame().getSeq() - t.getLastSeq());
            predicted.add(Boxes.shifted(t.getBox(), t.getVx() * gap, t.getVy() * gap));
        }

        List<Pair> candidates = new ArrayList<>();
        for (int ti = 0; ti < tracks.size(); ti++) {
            for (int di = 0; di < detections.size(); di++) {
                double iou = Boxes.iou(predicted.get(ti), detections.get(di).getBox());
                if (iou < params.minIou()) {
                    continue;
                }
                double appearance = Vectors.cosine(tracks.get(ti).getEmbedding(), detections.get(di).getGlobal());
                if (appearance < params.minAppearance()) {
                    continue;
                }
                double score = (1 - params.appearanceWeight()) * iou + params.appearanceWeight() * appearance;
                candidates.add(new Pair(ti, di, score));
            }
        }
        candidates.sort(Comparator.comparingDouble(Pair::score).reversed());

        int[] trackOf = new int[detections.size()];
        java.util.Arrays.fill(trackOf, -1);
        boolean[] trackUsed = new boolean[tracks.size()];
        for (Pair p : candidates) {
            if (!trackUsed[p.track()] && trackOf[p.detection()] < 0) {
                trackUsed[p.track()] = true;
                trackOf[p.detection()] = p.track();
            }
        }

        CameraTracks.Builder next = CameraTracks.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setModelVersion(frame.getModelVersion())
                .setNextTrackId(Math.max(1, state.getNextTrackId()));
        long seq = frame.getFrame().getSeq();
        for (int di = 0; di < detections.size(); di++) {
            EmbeddedBox detection = detections.get(di);
            TrackState track = trackOf[di] >= 0
                    ? follow(tracks.get(trackOf[di]), detection, seq)
                    : born(next, detection, seq, frame.getFrame().getCaptureMs());
            next.addTracks(track);
            if (track.getHits() >= params.confirmHits()) {
                update.addTracks(TrackObservation.newBuilder()
                        .setTrackId(track.getId())
                        .setBox(detection.getBox())
                        .setEmbedding(track.getEmbedding())
                        .setHits(track.getHits())
                        .setFirstSeenMs(track.getFirstSeenMs()));
            }
        }
        for (int ti = 0; ti < tracks.size(); ti++) {
            if (trackUsed[ti]) {
                continue;
            }
            TrackState missed = tracks.get(ti).toBuilder().setMisses(tracks.get(ti).getMisses() + 1).build();
            if (missed.getMisses() > params.maxMisses()) {
                if (missed.getHits() >= params.confirmHits()) {
                    update.addEndedTrackIds(missed.getId());
                }
            } else {
                next.addTracks(missed);
            }
        }
        return new Step(next.build(), update.build());
    }

    private TrackState follow(TrackState track, EmbeddedBox detection, long seq) {
        Box box = detection.getBox();
        long gap = Math.max(1, seq - track.getLastSeq());
        // Velocity from box centres, smoothed so one jittery detection does not fling the track.
        double vx = ((box.getX() + box.getW() / 2) - (track.getBox().getX() + track.getBox().getW() / 2)) / gap;
        double vy = ((box.getY() + box.getH() / 2) - (track.getBox().getY() + track.getBox().getH() / 2)) / gap;
        return track.toBuilder()
                .setBox(box)
                .setVx((float) (0.5 * track.getVx() + 0.5 * vx))
                .setVy((float) (0.5 * track.getVy() + 0.5 * vy))
                .setEmbedding(Vectors.blend(track.getEmbedding(), detection.getGlobal(), params.embeddingMomentum()))
                .setHits(track.getHits() + 1)
                .setMisses(0)
                .setLastSeq(seq)
                .build();
    }

    private static TrackState born(CameraTracks.Builder state, EmbeddedBox detection, long seq, long captureMs) {
        long id = state.getNextTrackId();
        state.setNextTrackId(id + 1);
        return TrackState.newBuilder()
                .setId(id)
                .setBox(detection.getBox())
                .setEmbedding(detection.getGlobal())
                .setHits(1)
                .setLastSeq(seq)
                .setFirstSeenMs(captureMs)
                .build();
    }
}
