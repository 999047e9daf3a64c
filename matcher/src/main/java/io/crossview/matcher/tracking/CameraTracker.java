package io.crossview.matcher.tracking;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackPhase;
import io.crossview.common.wire.TrackState;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.common.assignment.Hungarian;
import io.crossview.matcher.calibration.Calibration;
import io.crossview.matcher.harvest.HarvestSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Online tracking within one camera, after ByteTrack and BoT-SORT: a Kalman filter predicts
 * every track; confirmed and lost tracks take the high-score detections first, by a cost
 * that fuses overlap with appearance (a lost track may come back by appearance alone);
 * confirmed tracks then take low-score detections by overlap only; tentative tracks take
 * what high-score detections remain, and the rest start tracks. Every stage is an optimal
 * assignment. Pure: state in, state out, so the processor keeps the state in a store.
 */
public final class CameraTracker {
    private static final int TENTATIVE_MISSES = 1;

    private final TrackerParams params;
    private final Hungarian hungarian = new Hungarian();
    private final HarvestSelector harvest;

    public CameraTracker(TrackerParams params) {
        this.params = params;
        this.harvest = new HarvestSelector(params.harvest());
    }

    /**
     * The new camera state, what the linker should learn from this frame, and the appearance
     * pairs it showed for the calibration: a track against its own new detection (same
     * person) and against the detections other tracks took in the same frame (others).
     */
    public record Step(CameraTracks state, TrackletUpdate update, List<Double> sameTrack, List<Double> coOccurring) {
        public Step(CameraTracks state, TrackletUpdate update) {
            this(state, update, List.of(), List.of());
        }
    }

    /** Frames between two counts of a camera's different-person pairs. */
    static final int CO_OCCURRING_EVERY = 5;
    private static final double CLEAR_IOU = 0.5;

    private Calibration calibration = Calibration.defaults();

    /** A track during one frame: its stored state and where its filter expects it now. */
    private static final class Live {
        final TrackState state;
        final KalmanBox filter;
        final Box predicted;
        int detection = -1;

        Live(TrackState state, long seq) {
            this.state = state;
            KalmanBox stored = state.getKalmanCount() == KalmanBox.DIM * (KalmanBox.DIM + 1) ? filterOf(state)
                    : KalmanBox.start(state.getBox());
            this.filter = stored;
            this.predicted = stored.predict(seq - state.getLastSeq()).box();
        }

        TrackPhase phase() {
            return state.getPhase() == TrackPhase.TRACK_PHASE_UNSPECIFIED ? TrackPhase.TRACK_CONFIRMED : state.getPhase();
        }
    }

    public Step step(CameraTracks previous, FrameEmbeddings frame) {
        return step(previous, frame, Calibration.defaults());
    }

    /** One frame, with appearance judged by the model's calibration. */
    public Step step(CameraTracks previous, FrameEmbeddings frame, Calibration modelCalibration) {
        this.calibration = modelCalibration;
        TrackletUpdate.Builder update = TrackletUpdate.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setFrame(frame.getFrame())
                .setModelVersion(frame.getModelVersion());
        if (frame.hasCalibration()) {
            update.setCalibration(frame.getCalibration());
        }
        CameraTracks state = previous;
        if (!state.getModelVersion().isEmpty() && !state.getModelVersion().equals(frame.getModelVersion())) {
            // Embeddings of two models are not comparable: the tracks go on by motion and take
            // their appearance afresh from the new model, so a person keeps their track (and
            // the linker their identity) across a model switch.
            CameraTracks.Builder fresh = state.toBuilder().clearTracks();
            for (TrackState t : state.getTracksList()) {
                fresh.addTracks(t.toBuilder().clearEmbedding().clearLastHarvest());
            }
            state = fresh.build();
        }
        long seq = frame.getFrame().getSeq();
        if (frame.getSkipped()) {
            return carry(state, seq, update);
        }
        List<Live> tracks = new ArrayList<>();
        for (TrackState t : state.getTracksList()) {
            tracks.add(new Live(t, seq));
        }
        List<EmbeddedBox> detections = frame.getBoxesList();
        int[] trackOf = new int[detections.size()];
        java.util.Arrays.fill(trackOf, -1);

        List<Integer> high = new ArrayList<>();
        List<Integer> low = new ArrayList<>();
        for (int d = 0; d < detections.size(); d++) {
            double score = detections.get(d).getBox().getScore();
            if (score >= params.highScore()) {
                high.add(d);
            } else if (score >= params.lowScore()) {
                low.add(d);
            }
        }
        List<Live> established = tracks.stream().filter(t -> t.phase() != TrackPhase.TRACK_TENTATIVE).toList();
        match(established, high, detections, trackOf, tracks, Cost.FUSED);
        List<Live> stillConfirmed = established.stream()
                .filter(t -> t.detection < 0 && t.phase() == TrackPhase.TRACK_CONFIRMED).toList();
        match(stillConfirmed, low, detections, trackOf, tracks, Cost.OVERLAP);
        List<Live> tentative = tracks.stream().filter(t -> t.phase() == TrackPhase.TRACK_TENTATIVE).toList();
        match(tentative, high, detections, trackOf, tracks, Cost.FUSED);

        List<Double> samePairs = new ArrayList<>();
        List<Double> otherPairs = new ArrayList<>();
        pairs(tracks, detections, seq % CO_OCCURRING_EVERY == 0, samePairs, otherPairs);
        CameraTracks.Builder next = CameraTracks.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setModelVersion(frame.getModelVersion())
                .setNextTrackId(Math.max(1, state.getNextTrackId()));
        for (Live t : tracks) {
            if (t.detection >= 0) {
                EmbeddedBox detection = detections.get(t.detection);
                boolean confident = detection.getBox().getScore() >= params.highScore();
                report(follow(t, detection, seq, confident), frame, t.detection, next, update);
            } else if (t.phase() == TrackPhase.TRACK_TENTATIVE) {
                // a track not yet confirmed that keeps missing was likely noise; one missed
                // detection (a detector's ordinary miss) is forgiven
                if (t.state.getMisses() < TENTATIVE_MISSES) {
                    next.addTracks(t.state.toBuilder().setMisses(t.state.getMisses() + 1).build());
                }
            } else {
                TrackState lost = t.state.toBuilder().setPhase(TrackPhase.TRACK_LOST).setMisses(t.state.getMisses() + 1)
                        .build();
                if (lost.getMisses() > params.maxMisses()) {
                    update.addEndedTrackIds(lost.getId());
                } else {
                    next.addTracks(lost);
                    coast(t, lost, update);
                }
            }
        }
        for (int d : high) {
            if (trackOf[d] < 0) {
                report(born(next, detections.get(d), seq, frame.getFrame().getCaptureMs()), frame, d, next, update);
            }
        }
        return new Step(next.build(), update.build(), samePairs, otherPairs);
    }

    /**
     * Calibration pairs of the tracks that clearly took a detection (overlapping their
     * prediction well): each against its own detection, and, on sampled frames, against the
     * detections the other such tracks took.
     */
    private static void pairs(List<Live> tracks, List<EmbeddedBox> detections, boolean others, List<Double> same,
                              List<Double> different) {
        List<Live> clear = tracks.stream().filter(t -> t.detection >= 0 && t.state.getEmbedding().getValuesCount() > 0
                && detections.get(t.detection).getGlobal().getValuesCount() > 0
                && Boxes.iou(t.predicted, detections.get(t.detection).getBox()) >= CLEAR_IOU).toList();
        for (Live t : clear) {
            same.add(Vectors.cosine(t.state.getEmbedding(), detections.get(t.detection).getGlobal()));
            if (others) {
                for (Live u : clear) {
                    if (u != t && Boxes.apart(detections.get(t.detection).getBox(), detections.get(u.detection).getBox())) {
                        different.add(Vectors.cosine(t.state.getEmbedding(), detections.get(u.detection).getGlobal()));
                    }
                }
            }
        }
    }

    /**
     * A frame the detector skipped: every confirmed track is reported where its motion model puts
     * it, and nothing else changes; the filter goes on from its last detection at the next frame
     * the detector sees, and no track counts a miss for a frame nobody looked at.
     */
    private Step carry(CameraTracks state, long seq, TrackletUpdate.Builder update) {
        for (TrackState t : state.getTracksList()) {
            if (t.getPhase() == TrackPhase.TRACK_CONFIRMED || t.getPhase() == TrackPhase.TRACK_PHASE_UNSPECIFIED) {
                reportPredicted(t, new Live(t, seq).predicted, update);
            }
        }
        return new Step(state, update.build());
    }

    /**
     * A confirmed track the detector just missed is still reported where its motion model puts
     * it, for its first {@code coast_frames} misses: a detector misses a person for a frame far
     * more often than a person vanishes. Off by default: on the synthetic worlds' oracle (5 %
     * misses) two frames raised MOTA by 0.02-0.03, on the real-people composite, whose people
     * leave a view abruptly, they lowered it by 0.04-0.08 (docs/architecture.md).
     */
    private void coast(Live t, TrackState lost, TrackletUpdate.Builder update) {
        if (lost.getMisses() <= params.coastFrames()) {
            reportPredicted(lost, t.predicted, update);
        }
    }

    /** The track reported at the box its filter predicts, with its last detection's score. */
    private static void reportPredicted(TrackState track, Box predicted, TrackletUpdate.Builder update) {
        if (predicted.getW() > 0 && predicted.getH() > 0) {
            update.addTracks(observation(track, predicted.toBuilder().setScore(track.getBox().getScore()).build()));
        }
    }

    private enum Cost { FUSED, OVERLAP }

    /** One optimal assignment of {@code candidates} to the still free {@code pool} detections. */
    private void match(List<Live> candidates, List<Integer> pool, List<EmbeddedBox> detections, int[] trackOf,
                       List<Live> all, Cost kind) {
        List<Integer> free = pool.stream().filter(d -> trackOf[d] < 0).toList();
        if (candidates.isEmpty() || free.isEmpty()) {
            return;
        }
        double[][] cost = new double[candidates.size()][free.size()];
        for (int i = 0; i < candidates.size(); i++) {
            Live t = candidates.get(i);
            for (int j = 0; j < free.size(); j++) {
                EmbeddedBox d = detections.get(free.get(j));
                cost[i][j] = kind == Cost.OVERLAP ? overlapCost(t, d) : fusedCost(t, d);
            }
        }
        int[] rowToCol = new int[candidates.size()];
        hungarian.solve(cost, candidates.size(), free.size(), rowToCol);
        for (int i = 0; i < candidates.size(); i++) {
            if (rowToCol[i] >= 0) {
                int d = free.get(rowToCol[i]);
                candidates.get(i).detection = d;
                trackOf[d] = all.indexOf(candidates.get(i));
            }
        }
    }

    private double fusedCost(Live t, EmbeddedBox d) {
        double iou = Boxes.iou(t.predicted, d.getBox());
        if (t.state.getEmbedding().getValuesCount() == 0 || d.getGlobal().getValuesCount() == 0) {
            // just after a model switch, or a weak box sent without a crop: no appearance to compare
            return iou >= params.minIou() ? 1 - iou : Double.POSITIVE_INFINITY;
        }
        double appearance = Vectors.cosine(t.state.getEmbedding(), d.getGlobal());
        double same = calibration.sameTrack(appearance);
        if (iou >= params.minIou() && same >= params.minAppearance()) {
            // the calibrated probability, not the cosine: a cosine's spread means nothing across
            // models, and on real people (composite) it cut the ID switches from 5 to 1
            return params.appearanceWeight() * (1 - same) + (1 - params.appearanceWeight()) * (1 - iou);
        }
        if (t.phase() == TrackPhase.TRACK_LOST && same >= params.reactivateAppearance() && withinReach(t, d.getBox())) {
            // back after an occlusion, somewhere the filter did not expect: appearance alone,
            // costlier than any pairing that also overlaps
            return 1 + (1 - appearance);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Body heights a lost person may have moved per frame unseen (a walker at 10 fps moves about
     * a tenth of their height a frame), beyond one height anywhere around where they were last.
     */
    static final double REACH_PER_FRAME = 0.2;

    /**
     * Whether a detection is where a lost person could be by now. Appearance alone does not
     * place a person: a learned model finds strangers as alike as the person, and an unbounded
     * re-activation let a lost track take a stranger across the picture. On the real-people
     * composite with NanoDet boxes that was most of a learned model's identity switches.
     */
    private static boolean withinReach(Live t, Box d) {
        Box last = t.state.getBox();
        double unseen = Math.max(1, t.state.getMisses());
        return Boxes.centreDistance(last, d) <= (1 + REACH_PER_FRAME * unseen) * Math.max(last.getH(), d.getH());
    }

    /** Low-score detections are often half hidden: their appearance is not trusted. */
    private double overlapCost(Live t, EmbeddedBox d) {
        double iou = Boxes.iou(t.predicted, d.getBox());
        return iou >= Math.max(params.minIou(), 0.5) ? 1 - iou : Double.POSITIVE_INFINITY;
    }

    private TrackState follow(Live t, EmbeddedBox detection, long seq, boolean confident) {
        TrackState track = t.state;
        KalmanBox filter = t.filter.predict(seq - track.getLastSeq()).update(detection.getBox());
        int hits = track.getHits() + 1;
        TrackPhase phase = t.phase() == TrackPhase.TRACK_TENTATIVE && hits < params.confirmHits()
                ? TrackPhase.TRACK_TENTATIVE : TrackPhase.TRACK_CONFIRMED;
        TrackState.Builder next = track.toBuilder()
                .setBox(detection.getBox())
                .setHits(hits)
                .setMisses(0)
                .setLastSeq(seq)
                .setPhase(phase)
                .clearKalman();
        if ((confident || track.getEmbedding().getValuesCount() == 0) && detection.getGlobal().getValuesCount() > 0) {
            next.setEmbedding(Vectors.blend(track.getEmbedding(), detection.getGlobal(), params.embeddingMomentum()));
        }
        store(next, filter);
        return next.build();
    }

    private TrackState born(CameraTracks.Builder state, EmbeddedBox detection, long seq, long captureMs) {
        long id = state.getNextTrackId();
        state.setNextTrackId(id + 1);
        TrackState.Builder track = TrackState.newBuilder()
                .setId(id)
                .setBox(detection.getBox())
                .setEmbedding(detection.getGlobal())
                .setHits(1)
                .setLastSeq(seq)
                .setFirstSeenMs(captureMs)
                .setPhase(params.confirmHits() <= 1 ? TrackPhase.TRACK_CONFIRMED : TrackPhase.TRACK_TENTATIVE);
        store(track, KalmanBox.start(detection.getBox()));
        return track.build();
    }

    /**
     * Keeps the track and, once it is confirmed, reports it with its detection {@code d}; a
     * detection the harvest selector picks goes to the linker as a training crop, and the
     * track remembers the pick (count, embedding, frame) for the next decision.
     */
    private void report(TrackState track, FrameEmbeddings frame, int d, CameraTracks.Builder next,
                        TrackletUpdate.Builder update) {
        if (track.getPhase() != TrackPhase.TRACK_CONFIRMED) {
            next.addTracks(track);
            return;
        }
        EmbeddedBox detection = frame.getBoxes(d);
        TrackObservation seen = observation(track, detection.getBox());
        if (harvest.judge(track, frame, d) instanceof HarvestSelector.Pick pick) {
            seen = seen.toBuilder().setHarvestJpeg(detection.getCropJpeg()).setHarvestQuality((float) pick.quality())
                    .setHarvestEmbedding(detection.getGlobal()).build();
            track = track.toBuilder().setHarvested(track.getHarvested() + 1).setLastHarvest(detection.getGlobal())
                    .setLastHarvestSeq(frame.getFrame().getSeq()).build();
        }
        next.addTracks(track);
        update.addTracks(seen);
    }

    private static TrackObservation observation(TrackState track, Box box) {
        return TrackObservation.newBuilder()
                .setTrackId(track.getId())
                .setBox(box)
                .setEmbedding(track.getEmbedding())
                .setHits(track.getHits())
                .setFirstSeenMs(track.getFirstSeenMs())
                .build();
    }

    private static void store(TrackState.Builder track, KalmanBox filter) {
        for (double m : filter.mean()) {
            track.addKalman(m);
        }
        for (double c : filter.covariance()) {
            track.addKalman(c);
        }
    }

    private static KalmanBox filterOf(TrackState track) {
        double[] mean = new double[KalmanBox.DIM];
        double[] cov = new double[KalmanBox.DIM * KalmanBox.DIM];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = track.getKalman(i);
        }
        for (int i = 0; i < cov.length; i++) {
            cov[i] = track.getKalman(KalmanBox.DIM + i);
        }
        return new KalmanBox(mean, cov);
    }
}
