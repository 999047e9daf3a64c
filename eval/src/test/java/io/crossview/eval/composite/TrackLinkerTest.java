package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrackLinkerTest {
    private static final Signature RED_COAT = new Signature(new double[] {20, 20, 200}, new double[] {40, 40, 40});
    private static final Signature BLUE_COAT = new Signature(new double[] {200, 20, 20}, new double[] {40, 40, 40});

    /** A walker 50 px tall at x = 3 px a frame from {@code x0} over frames first..last. */
    static Track walker(int id, int first, int last, int x0) {
        TreeMap<Integer, Box> boxes = new TreeMap<>();
        for (int f = first; f <= last; f++) {
            boxes.put(f, new Box(x0 + 3 * (f - first), 100, 20, 50));
        }
        return new Track(id, boxes);
    }

    private static List<Track> link(List<Track> tracks, Map<Integer, TrackLinker.Ends> looks,
                                     Map<Integer, List<Integer>> members) {
        return TrackLinker.link(tracks, looks, members);
    }

    @Test
    void aTrackStartingWhereAndWhenAnotherEndedInTheSameClothesContinuesIt() {
        Track before = walker(1, 0, 9, 10);
        Track after = walker(2, 11, 20, 10 + 3 * 11);
        Map<Integer, List<Integer>> members = new HashMap<>();
        List<Track> chains = link(List.of(before, after),
                Map.of(1, new TrackLinker.Ends(RED_COAT, RED_COAT), 2, new TrackLinker.Ends(RED_COAT, RED_COAT)),
                members);
        assertEquals(1, chains.size());
        assertEquals(1, chains.get(0).id());
        assertEquals(20, chains.get(0).boxes().size());
        assertEquals(List.of(1, 2), members.get(1));
    }

    @Test
    void otherClothesATooLongGapOrAFarStartKeepTracksApart() {
        Map<Integer, TrackLinker.Ends> red = Map.of(1, new TrackLinker.Ends(RED_COAT, RED_COAT),
                2, new TrackLinker.Ends(RED_COAT, RED_COAT));
        Track before = walker(1, 0, 9, 10);
        assertEquals(2, link(List.of(before, walker(2, 11, 20, 43)),
                Map.of(1, new TrackLinker.Ends(RED_COAT, RED_COAT), 2, new TrackLinker.Ends(BLUE_COAT, BLUE_COAT)),
                new HashMap<>()).size(), "other clothes");
        assertEquals(2, link(List.of(before, walker(2, 9 + TrackLinker.MAX_GAP + 1, 30, 43)), red, new HashMap<>())
                .size(), "gap");
        assertEquals(2, link(List.of(before, walker(2, 11, 20, 200)), red, new HashMap<>()).size(), "far");
        assertEquals(2, link(List.of(before, walker(2, 11, 20, 43)), Map.of(1, new TrackLinker.Ends(RED_COAT, null),
                2, new TrackLinker.Ends(null, RED_COAT)), new HashMap<>()).size(), "no look at the joint");
    }

    @Test
    void ofTwoPossibleSuccessorsTheCloserFitWinsAndTheOtherStaysItsOwnWalk() {
        Track before = walker(1, 0, 9, 10);
        Track near = walker(2, 11, 20, 43);
        Track farther = walker(3, 11, 20, 53);
        Map<Integer, TrackLinker.Ends> looks = Map.of(1, new TrackLinker.Ends(RED_COAT, RED_COAT),
                2, new TrackLinker.Ends(RED_COAT, RED_COAT), 3, new TrackLinker.Ends(RED_COAT, RED_COAT));
        Map<Integer, List<Integer>> members = new HashMap<>();
        List<Track> chains = link(List.of(before, near, farther), looks, members);
        assertEquals(2, chains.size());
        assertEquals(List.of(1, 2), members.get(1));
        assertEquals(List.of(3), members.get(3));
    }
}
