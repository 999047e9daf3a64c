package io.crossview.matcher.tracking;

import static io.crossview.matcher.Fixtures.box;
import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackletUpdate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraTrackerTest {
    private final CameraTracker tracker = new CameraTracker(TrackerParams.defaults());

    private List<TrackletUpdate> run(List<io.crossview.common.wire.FrameEmbeddings> frames) {
        CameraTracks state = CameraTracks.getDefaultInstance();
        List<TrackletUpdate> updates = new ArrayList<>();
        for (var f : frames) {
            CameraTracker.Step step = tracker.step(state, f);
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
    void aLostTrackComesBackByAppearanceAfterAnOcclusionWithItsOwnId() {
        List<io.crossview.common.wire.FrameEmbeddings> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(frame("cam", i, box(100, 50, person(0))));
        }
        for (int i = 4; i < 7; i++) {
            frames.add(frame("cam", i)); // hidden behind a pillar
        }
        for (int i = 7; i < 9; i++) {
            frames.add(frame("cam", i, box(260, 80, person(0)))); // out the other side, no overlap
        }
        List<TrackletUpdate> updates = run(frames);
        long id = updates.get(3).getTracks(0).getTrackId();
        assertEquals(1, updates.get(7).getTracksCount(), "re-activated at once, not a new tentative track");
        assertEquals(id, updates.get(7).getTracks(0).getTrackId());
        assertTrue(updates.stream().allMatch(u -> u.getEndedTrackIdsCount() == 0));
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
}
