package io.crossview.matcher.tracking;

import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.calibration.Logistic;
import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackState;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.calibration.Calibration;
import io.crossview.matcher.harvest.HarvestPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraTrackerTest {
    private final CameraTracker tracker = new CameraTracker(TrackerParams.defaults());

    private List<TrackletUpdate> run(List<io.crossview.common.wire.FrameEmbeddings> frames) {
        return run(frames, Calibration.defaults());
    }

    private List<TrackletUpdate> run(List<FrameEmbeddings> frames, Calibration calibration) {
        return run(tracker, frames, calibration);
    }

    private static List<TrackletUpdate> run(CameraTracker tracker, List<FrameEmbeddings> frames, Calibration calibration) {
        CameraTracks state = CameraTracks.getDefaultInstance();
        List<TrackletUpdate> updates = new ArrayList<>();
        for (var f : frames) {
            CameraTracker.Step step = tracker.step(state, f, calibration);
            state = step.state();
            updates.add(step.update());
        }
        return updates;
    }

    @Test
    void aWalkingPersonKeepsOneTrackAndIsReportedOnceConfirmed() {
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(frame("cam", i, box(100 + 8 * i, 50, person(0))));
        }
        List<TrackletUpdate> updates = run(frames);
        assertEquals(0, updates.get(0).getTracksCount());
        assertEquals(0, updates.get(1).getTracksCount());
        for (int i = 2; i < 6; i++) {
            assertEquals(1, updates.get(i).getTracksCount(), "frame " + i);
            assertEquals(updates.get(2).getTracks(0).getTrackId(), updates.get(i).getTracks(0).getTrackId());
        }
    }

    @Test
    void withCoastingAConfirmedTrackTheDetectorMissesIsReportedWherePredictedForItsFirstMissesOnly() {
        TrackerParams d = TrackerParams.defaults();
        TrackerParams coasting = TrackerParams.fromConfig(null, null, null, null, null, null, null, null, null, 2, null);
        assertEquals(0, d.coastFrames());
        List<FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // seen for 5 frames, missed for 3, seen again
            frames.add(i < 5 || i >= 8 ? frame("cam", i, box(100 + 8 * i, 50, person(0))) : frame("cam", i));
        }
        List<TrackletUpdate> updates = run(new CameraTracker(coasting), frames, Calibration.defaults());
        long id = updates.get(4).getTracks(0).getTrackId();
        for (int i = 5; i < 7; i++) {
            assertEquals(1, updates.get(i).getTracksCount(), "missed frame " + i);
            assertEquals(id, updates.get(i).getTracks(0).getTrackId());
            // five detections leave the filter's speed short of 8 px a frame: within a step of the truth
            assertEquals(100 + 8 * i, updates.get(i).getTracks(0).getBox().getX(), 8, "missed frame " + i);
        }
        assertEquals(0, updates.get(7).getTracksCount(), "the third miss is past coast_frames");
        assertEquals(id, updates.get(8).getTracks(0).getTrackId());
        // without coasting nothing is reported for a missed frame
        List<TrackletUpdate> plain = run(frames);
        assertEquals(0, plain.get(5).getTracksCount());
    }

    @Test
    void coastingLongerThanATrackIsKeptIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrackerParams.fromConfig(null, null, null, null, 3, null, null, null, null, 4, null));
        assertTrue(e.getMessage().contains("coast_frames"), e.getMessage());
    }

    @Test
    void onFramesTheDetectorSkippedAConfirmedTrackIsReportedWhereItsMotionPutsItAndMissesNothing() {
        List<FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            frames.add(i < 4 || i % 2 == 0 ? frame("cam", i, box(100 + 8 * i, 50, person(0)))
                    : frame("cam", i).toBuilder().setSkipped(true).build());
        }
        List<TrackletUpdate> updates = run(frames);
        long id = updates.get(3).getTracks(0).getTrackId();
        for (int i = 5; i < 11; i += 2) {
            assertEquals(1, updates.get(i).getTracksCount(), "skipped frame " + i);
            TrackObservation carried = updates.get(i).getTracks(0);
            assertEquals(id, carried.getTrackId());
            // a steady 8 px per frame: the filter puts the person between the detections around it
            assertEquals(100 + 8 * i, carried.getBox().getX(), 4, "skipped frame " + i);
            assertEquals(id, updates.get(i + 1).getTracks(0).getTrackId(), "frame " + (i + 1));
        }
        // an empty frame the detector did look at is a miss; a skipped one is not
        CameraTracks state = CameraTracks.getDefaultInstance();
        for (FrameEmbeddings f : frames.subList(0, 4)) {
            state = tracker.step(state, f).state();
        }
        CameraTracker.Step skipped = tracker.step(state, frame("cam", 4).toBuilder().setSkipped(true).build());
        assertEquals(state, skipped.state());
        assertEquals(1, tracker.step(state, frame("cam", 4)).state().getTracks(0).getMisses());
    }

    @Test
    void twoPeopleSideBySideGetTwoTracks() {
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(100 + 5 * i, 50, person(0)), box(250 - 5 * i, 60, person(1))));
        }
        TrackletUpdate last = run(frames).get(3);
        assertEquals(2, last.getTracksCount());
        assertNotEquals(last.getTracks(0).getTrackId(), last.getTracks(1).getTrackId());
    }

    @Test
    void overlappingPeopleAreKeptApartByAppearance() {
        // Two people cross: boxes overlap heavily at frame 2, appearance decides.
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        float[] a = {100, 110, 120, 130, 140};
        float[] b = {140, 130, 120, 110, 100};
        for (int i = 0; i < 5; i++) {
            frames.add(frame("cam", i, box(a[i], 50, person(0)), box(b[i], 50, person(1))));
        }
        List<TrackletUpdate> updates = run(frames);
        long idOfA = trackAt(updates.get(2), 120, person(0).getValues(0));
        long idOfAafter = trackAt(updates.get(4), 140, 1f);
        assertEquals(idOfA, idOfAafter);
    }

    private static long trackAt(TrackletUpdate update, float x, float axis0) {
        for (TrackObservation t : update.getTracksList()) {
            if (t.getBox().getX() == x && t.getEmbedding().getValues(0) > 0.5f == (axis0 > 0.5f)) {
                return t.getTrackId();
            }
        }
        throw new AssertionError("no track at x=" + x + " in " + update.getTracksList());
    }

    @Test
    void aTrackUnseenForLongerThanMaxMissesEnds() {
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(100, 50, person(0))));
        }
        for (int i = 4; i < 4 + TrackerParams.defaults().maxMisses() + 1; i++) {
            frames.add(frame("cam", i));
        }
        List<TrackletUpdate> updates = run(frames);
        TrackletUpdate last = updates.get(updates.size() - 1);
        assertEquals(List.of(updates.get(3).getTracks(0).getTrackId()), last.getEndedTrackIdsList());
        assertTrue(updates.subList(4, updates.size() - 1).stream().allMatch(u -> u.getEndedTrackIdsCount() == 0));
    }

    @Test
    void aNewModelVersionKeepsEveryTrackByMotionAndTakesItsAppearanceFromTheNewModel() {
        CameraTracks state = CameraTracks.getDefaultInstance();
        for (int i = 0; i < 3; i++) {
            state = tracker.step(state, frame("cam", i, box(100, 50, person(0)))).state();
        }
        // the new model's vector is nothing like the old one: only motion can carry the track
        var next = frame("cam", 3, box(102, 50, person(4))).toBuilder().setModelVersion("other@1").build();
        CameraTracker.Step step = tracker.step(state, next);
        assertEquals(0, step.update().getEndedTrackIdsCount());
        assertEquals(1, step.update().getTracksCount());
        assertEquals(1, step.update().getTracks(0).getTrackId(), "the same track goes on");
        assertEquals(person(4), step.update().getTracks(0).getEmbedding(), "its appearance is the new model's");
    }

    private static io.crossview.common.wire.EmbeddedBox scored(float x, float y, io.crossview.common.wire.Vector who,
                                                                float score) {
        var b = box(x, y, who);
        return b.toBuilder().setBox(b.getBox().toBuilder().setScore(score)).build();
    }

    @Test
    void aFastWalkerIsFollowedWhereTheFilterExpectsThemNotWhereTheyWere() {
        // 15 px a frame, then 30: a 40 px wide box that moved 30 px overlaps its last box by
        // IoU 0.14 (below the 0.2 gate), but the prediction from the learnt speed by 0.45
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            float x = i <= 5 ? 20 + 15 * i : 95 + 30 * (i - 5);
            frames.add(frame("cam", i, box(x, 50, person(0))));
        }
        List<TrackletUpdate> updates = run(frames);
        long id = updates.get(2).getTracks(0).getTrackId();
        for (int i = 3; i < 12; i++) {
            assertEquals(1, updates.get(i).getTracksCount(), "frame " + i);
            assertEquals(id, updates.get(i).getTracks(0).getTrackId(), "frame " + i);
        }
    }

    @Test
    void aLowScoreDetectionKeepsATrackAliveButNeverStartsOne() {
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(100 + 4 * i, 50, person(0))));
        }
        // half hidden: a weak detection with a useless embedding, and a weak one elsewhere
        frames.add(frame("cam", 4, scored(116, 50, person(5), 0.3f), scored(300, 300, person(2), 0.3f)));
        List<TrackletUpdate> updates = run(frames);
        TrackletUpdate occluded = updates.get(4);
        assertEquals(1, occluded.getTracksCount(), "the weak detection continued the track; the other started none");
        assertEquals(updates.get(3).getTracks(0).getTrackId(), occluded.getTracks(0).getTrackId());
        assertEquals(1f, occluded.getTracks(0).getEmbedding().getValues(0), 1e-6f,
                "a weak detection does not change the track's appearance");
    }

    @Test
    void weakBoxesSentWithoutAnEmbeddingCarryATrackAndLeaveItsAppearanceAndCalibrationAlone() {
        List<FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(100 + 4 * i, 50, person(0))));
        }
        for (int i = 4; i < 8; i++) {
            EmbeddedBox weak = scored(100 + 4 * i, 50, person(0), 0.2f).toBuilder().clearGlobal().build();
            frames.add(frame("cam", i, weak));
        }
        CameraTracks state = CameraTracks.getDefaultInstance();
        long id = -1;
        for (int i = 0; i < frames.size(); i++) {
            CameraTracker.Step step = tracker.step(state, frames.get(i), Calibration.defaults());
            state = step.state();
            if (i == 3) {
                id = step.update().getTracks(0).getTrackId();
            }
            if (i >= 4) {
                assertEquals(1, step.update().getTracksCount(), "frame " + i);
                assertEquals(id, step.update().getTracks(0).getTrackId(), "frame " + i);
                assertEquals(person(0), step.update().getTracks(0).getEmbedding(), "frame " + i);
                assertEquals(List.of(), step.sameTrack(), "no appearance, no calibration pair: frame " + i);
            }
        }
    }

    @Test
    void aLostTrackComesBackByAppearanceAfterAnOcclusionWithItsOwnId() {
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(100, 50, person(0))));
        }
        for (int i = 4; i < 7; i++) {
            frames.add(frame("cam", i)); // hidden behind a pillar
        }
        for (int i = 7; i < 9; i++) {
            frames.add(frame("cam", i, box(180, 80, person(0)))); // out the other side, no overlap
        }
        List<TrackletUpdate> updates = run(frames);
        long id = updates.get(3).getTracks(0).getTrackId();
        assertEquals(1, updates.get(7).getTracksCount(), "re-activated at once, not a new tentative track");
        assertEquals(id, updates.get(7).getTracks(0).getTrackId());
        assertTrue(updates.stream().allMatch(u -> u.getEndedTrackIdsCount() == 0));
    }

    @Test
    void aLostTrackIsNotReActivatedByAppearanceFartherThanThePersonCouldHaveWalked() {
        List<FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(20, 50, person(0))));
        }
        for (int i = 4; i < 7; i++) {
            frames.add(frame("cam", i));
        }
        // 3 frames unseen, and 2.9 body heights away: someone else who looks alike
        frames.add(frame("cam", 7, box(310, 80, person(0))));
        List<TrackletUpdate> updates = run(frames);
        assertEquals(0, updates.get(7).getTracksCount(), "a new tentative track, not the lost one taken across the picture");
        frames.set(7, frame("cam", 7, box(110, 80, person(0))));
        updates = run(frames);
        assertEquals(1, updates.get(7).getTracksCount(), "within reach it is the lost track");
        assertEquals(updates.get(3).getTracks(0).getTrackId(), updates.get(7).getTracks(0).getTrackId());
    }

    @Test
    void reActivationByAppearanceFollowsTheModelsCalibrationNotARawCosine() {
        // the person comes back at cosine 0.8 to their track: a model whose same-track pairs sit
        // near 0.8 takes them back, while under the defaults (curve centred at 0.93) it is a stranger
        Vector back = Vector.newBuilder().addValues(0.8f).addValues(0.6f)
                .addAllValues(java.util.Collections.nCopies(6, 0f)).build();
        List<FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(100, 50, person(0))));
        }
        for (int i = 4; i < 7; i++) {
            frames.add(frame("cam", i));
        }
        frames.add(frame("cam", 7, box(180, 80, back)));
        Calibration loose = new Calibration(Calibration.STREAM, new Logistic(40, -40 * 0.7),
                Calibration.defaults().between(), 500, 500, 0, Double.NaN);
        long id = run(frames, Calibration.defaults()).get(3).getTracks(0).getTrackId();
        assertEquals(0, run(frames, Calibration.defaults()).get(7).getTracksCount(),
                "under the defaults a new tentative track, not yet reported");
        TrackletUpdate calibrated = run(frames, loose).get(7);
        assertEquals(1, calibrated.getTracksCount());
        assertEquals(id, calibrated.getTracks(0).getTrackId());
    }

    @Test
    void aOneFrameFalseDetectionNeverBecomesATrack() {
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        frames.add(frame("cam", 0, box(300, 300, person(3))));
        for (int i = 1; i < 6; i++) {
            frames.add(frame("cam", i));
        }
        List<TrackletUpdate> updates = run(frames);
        assertTrue(updates.stream().allMatch(u -> u.getTracksCount() == 0 && u.getEndedTrackIdsCount() == 0));
    }

    /** A person turning 0.08 rad a frame (in the plane of axes 0 and 2): even crops 5 frames apart differ. */
    private static Vector turning(int frame) {
        return turning(frame, 0.08);
    }

    private static Vector turning(int frame, double radiansPerFrame) {
        double angle = radiansPerFrame * frame;
        Vector.Builder v = Vector.newBuilder();
        for (int i = 0; i < 8; i++) {
            v.addValues(i == 0 ? (float) Math.cos(angle) : i == 2 ? (float) Math.sin(angle) : 0f);
        }
        return v.build();
    }

    private static ByteString cropOf(int frame) {
        return ByteString.copyFromUtf8("jpeg of frame " + frame);
    }

    /** One person walking right across 60 frames; the embedder forwards crops on every 5th frame when asked. */
    private static List<FrameEmbeddings> walk(boolean crops, EmbeddedBox... companions) {
        return walk(crops, 0.08, companions);
    }

    private static List<FrameEmbeddings> walk(boolean crops, double turn, EmbeddedBox... companions) {
        List<FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            EmbeddedBox walker = box(20 + 5 * i, 50, turning(i, turn));
            if (crops && i % 5 == 0) {
                walker = walker.toBuilder().setCropJpeg(cropOf(i)).build();
            }
            List<EmbeddedBox> boxes = new ArrayList<>(List.of(walker));
            for (EmbeddedBox c : companions) {
                EmbeddedBox moved = c.toBuilder().setBox(c.getBox().toBuilder().setX(c.getBox().getX() + 5 * i)).build();
                boxes.add(crops && i % 5 == 0 ? moved.toBuilder().setCropJpeg(cropOf(1000 + i)).build() : moved);
            }
            frames.add(frame("cam", i, boxes.toArray(EmbeddedBox[]::new)));
        }
        return frames;
    }

    /** Frame numbers at which a track's observation carried a harvested crop, checking each crop is that frame's. */
    private static List<Long> harvests(List<TrackletUpdate> updates) {
        List<Long> seqs = new ArrayList<>();
        for (TrackletUpdate u : updates) {
            for (TrackObservation t : u.getTracksList()) {
                if (!t.getHarvestJpeg().isEmpty()) {
                    assertEquals(cropOf((int) u.getFrame().getSeq()), t.getHarvestJpeg());
                    assertTrue(t.getHarvestQuality() > 0 && t.getHarvestQuality() <= 1, "quality " + t.getHarvestQuality());
                    seqs.add(u.getFrame().getSeq());
                }
            }
        }
        return seqs;
    }

    @Test
    void aWalkingTrackHarvestsSpacedDiverseCropsFromSampledFramesUpToItsQuota() {
        List<FrameEmbeddings> frames = walk(true);
        List<TrackletUpdate> updates = run(frames);
        List<Long> picked = harvests(updates);

        // confirmed at frame 2; crops on 5, 10, 15, ...; 10 looks different enough but is only 5 frames after 5
        assertEquals(List.of(5L, 15L, 25L, 35L, 45L, 55L), picked);
        assertTrue(picked.size() <= HarvestPolicy.defaults().maxPerTrack());
        for (int i = 1; i < picked.size(); i++) {
            assertTrue(picked.get(i) - picked.get(i - 1) >= HarvestPolicy.defaults().minFrameGap());
        }
        CameraTracks state = CameraTracks.getDefaultInstance();
        for (FrameEmbeddings f : frames) {
            state = tracker.step(state, f).state();
        }
        TrackState track = state.getTracks(0);
        assertEquals(6, track.getHarvested());
        assertEquals(55, track.getLastHarvestSeq());
        assertEquals(turning(55), track.getLastHarvest(), "the track remembers the picked crop's own embedding");

        CameraTracker stingy = new CameraTracker(TrackerParams.defaults()
                .withHarvest(new HarvestPolicy(3, 64, 0.5, 0.1, 10, 0.95, 2)));
        CameraTracks s = CameraTracks.getDefaultInstance();
        List<TrackletUpdate> few = new ArrayList<>();
        for (FrameEmbeddings f : frames) {
            CameraTracker.Step step = stingy.step(s, f);
            s = step.state();
            few.add(step.update());
        }
        assertEquals(List.of(5L, 15L, 25L), harvests(few), "a track stops at maxPerTrack");
    }

    @Test
    void aTrackThatLooksTheSameAllAlongHarvestsOnlyItsFirstCrop() {
        assertEquals(List.of(5L), harvests(run(walk(true, 0.0))));
    }

    @Test
    void aTrackWithoutForwardedCropsHarvestsNothing() {
        List<TrackletUpdate> updates = run(walk(false));
        assertTrue(updates.stream().mapToInt(TrackletUpdate::getTracksCount).sum() > 50, "the track is reported");
        assertEquals(List.of(), harvests(updates));
    }

    @Test
    void aWalkerOverlappedByACompanionHarvestsNothingForEither() {
        // a second person walking alongside, their boxes sharing a quarter of their width
        List<TrackletUpdate> updates = run(walk(true, box(50, 50, person(5))));
        assertEquals(2, updates.get(30).getTracksCount(), "both are tracked");
        assertEquals(List.of(), harvests(updates));
    }
}
