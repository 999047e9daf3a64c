package io.crossview.eval.composite;

import static io.crossview.eval.composite.TrackLinkerTest.walker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WalkPickerTest {
    /** Pieces of 5..10 frames, 2 left out between pieces of one run where there is room: 3 visits need 15 frames. */
    private static final Chunks.Rules RULES = new Chunks.Rules(5, 10, 2);

    private static NavigableSet<Integer> all(Track t) {
        return new TreeSet<>(t.boxes().keySet());
    }

    private static List<Walk> pick(List<Track> tracks, Map<Integer, NavigableSet<Integer>> clean, int maxPeople) {
        return WalkPicker.pick(tracks, clean, 3, RULES, maxPeople);
    }

    @Test
    void aWalkWithoutACleanStretchForEveryCameraIsNoCandidate() {
        Track tooShort = walker(1, 0, 13, 10);
        Track longEnough = walker(2, 0, 40, 300);
        Map<Integer, NavigableSet<Integer>> clean = Map.of(1, all(tooShort), 2, all(longEnough));
        assertEquals(List.of(2), pick(List.of(tooShort, longEnough), clean, 10).stream().map(w -> w.track().id())
                .toList());
    }

    @Test
    void eachChosenWalkHasOneDisjointStretchPerCameraOfCleanFramesOnly() {
        Track t = walker(1, 0, 60, 10);
        TreeSet<Integer> clean = new TreeSet<>(t.boxes().keySet());
        clean.removeAll(List.of(20, 21, 22, 40));
        Walk w = pick(List.of(t), Map.of(1, clean), 10).get(0);
        assertEquals(3, w.stretches().size());
        for (int i = 0; i < 3; i++) {
            Stretch s = w.stretches().get(i);
            assertTrue(s.length() >= RULES.minLength() && s.length() <= RULES.maxLength(), s.toString());
            for (int f = s.first(); f <= s.last(); f++) {
                assertTrue(clean.contains(f), "frame " + f + " of " + s);
            }
            if (i > 0) {
                assertTrue(s.first() > w.stretches().get(i - 1).last(), w.stretches().toString());
            }
        }
    }

    @Test
    void aTrackThatResumesWhereAnotherEndedIsDroppedForTheOneWithMoreCleanFrames() {
        Track lost = walker(1, 0, 39, 10);
        Track found = walker(2, 50, 79, 10 + 3 * 45);
        Track stranger = walker(3, 50, 79, 400);
        Map<Integer, NavigableSet<Integer>> clean = Map.of(1, all(lost), 2, all(found), 3, all(stranger));
        List<Walk> walks = pick(List.of(lost, found, stranger), clean, 10);
        assertEquals(List.of(1, 3), walks.stream().map(w -> w.track().id()).toList());
    }

    @Test
    void aWalkKnownToRepeatAPersonIsLeftOutEvenWithTheMostCleanFrames() {
        Track first = walker(1, 0, 39, 10);
        Track cameBack = walker(2, 200, 260, 10);
        Track stranger = walker(3, 100, 139, 400);
        Map<Integer, NavigableSet<Integer>> clean = Map.of(1, all(first), 2, all(cameBack), 3, all(stranger));
        List<Walk> walks = WalkPicker.pick(List.of(first, cameBack, stranger), clean, 3, RULES, 2, java.util.Set.of(2));
        assertEquals(List.of(1, 3), walks.stream().map(w -> w.track().id()).toList());
        assertEquals(List.of(1, 2), walks.stream().map(Walk::person).toList());
    }

    @Test
    void aDoubledDetectionOnTheSameSpotIsDropped() {
        Track person = walker(1, 0, 39, 10);
        Track twin = walker(2, 5, 30, 27);
        Map<Integer, NavigableSet<Integer>> clean = Map.of(1, all(person), 2, all(twin));
        assertEquals(List.of(1), pick(List.of(person, twin), clean, 10).stream().map(w -> w.track().id()).toList());
    }

    @Test
    void atMostMaxPeopleAreKeptThoseWithMostCleanFramesNumberedByWhenTheyFirstAppear() {
        Track early = walker(1, 0, 29, 10);
        Track longest = walker(2, 10, 69, 300);
        Track later = walker(3, 20, 60, 600);
        Map<Integer, NavigableSet<Integer>> clean = new HashMap<>();
        for (Track t : List.of(early, longest, later)) {
            clean.put(t.id(), all(t));
        }
        List<Walk> walks = pick(List.of(later, longest, early), clean, 2);
        assertEquals(List.of(2, 3), walks.stream().map(w -> w.track().id()).toList());
        assertEquals(List.of(1, 2), walks.stream().map(Walk::person).toList());
    }
}
