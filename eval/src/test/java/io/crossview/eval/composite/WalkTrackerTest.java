package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalkTrackerTest {
    @Test
    void aWalkerMovingAFewPixelsAFrameIsOneTrack() {
        WalkTracker tracker = new WalkTracker();
        for (int f = 0; f < 30; f++) {
            tracker.add(f, List.of(new Box(10 + 3 * f, 50, 20, 50)));
        }
        List<Track> tracks = tracker.tracks();
        assertEquals(1, tracks.size());
        assertEquals(0, tracks.get(0).first());
        assertEquals(29, tracks.get(0).last());
        assertEquals(new Box(97, 50, 20, 50), tracks.get(0).box(29));
    }

    @Test
    void aMissOfUpToThreeFramesKeepsTheTrackAndALongerOneStartsANewTrack() {
        WalkTracker tracker = new WalkTracker();
        Box still = new Box(100, 100, 20, 50);
        for (int f : new int[] {0, 1, 2, 6, 7, 12, 13}) {
            tracker.add(f, List.of(still));
        }
        List<Track> tracks = tracker.tracks();
        assertEquals(2, tracks.size());
        assertEquals(Set.of(0, 1, 2, 6, 7), tracks.get(0).boxes().keySet());
        assertEquals(Set.of(12, 13), tracks.get(1).boxes().keySet());
    }

    @Test
    void twoPeopleWhoMeetEndTheirTracksSoThatNoTrackHoldsBoth() {
        // A walks right along y = 100, B walks left a little lower; they pass at frame ~20.
        Map<Box, Character> whose = new java.util.HashMap<>();
        WalkTracker tracker = new WalkTracker();
        for (int f = 0; f < 40; f++) {
            Box a = new Box(4 * f, 100, 20, 50);
            Box b = new Box(160 - 4 * f, 104, 20, 50);
            whose.put(a, 'A');
            whose.put(b, 'B');
            tracker.add(f, new ArrayList<>(List.of(a, b)));
        }
        List<Track> tracks = tracker.tracks();
        assertTrue(tracks.size() > 2, "the meeting ends both tracks: " + tracks.size());
        for (Track t : tracks) {
            Set<Character> people = new HashSet<>();
            t.boxes().values().forEach(box -> people.add(whose.get(box)));
            assertEquals(1, people.size(), "track " + t.id() + " holds " + people);
        }
    }

    @Test
    void framesMustComeInIncreasingOrder() {
        WalkTracker tracker = new WalkTracker();
        tracker.add(5, List.of());
        assertThrows(IllegalArgumentException.class, () -> tracker.add(5, List.of()));
    }
}
