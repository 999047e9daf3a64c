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
    void aNewModelVersionEndsEveryTrack() {
        CameraTracks state = CameraTracks.getDefaultInstance();
        for (int i = 0; i < 3; i++) {
            state = tracker.step(state, frame("cam", i, box(100, 50, person(0)))).state();
        }
        var next = frame("cam", 3, box(100, 50, person(0))).toBuilder().setModelVersion("other@1").build();
        CameraTracker.Step step = tracker.step(state, next);
        assertEquals(1, step.update().getEndedTrackIdsCount());
        assertEquals(0, step.update().getTracksCount(), "the new model's track starts unconfirmed");
    }
}
