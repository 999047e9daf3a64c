package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the tracker's short, sure tracks back into walks. The tracker ends a track wherever two
 * people meet; when a new track starts right where and when one ended, with the same size and
 * the same clothes (by {@link Signature}), it is the same person walking on. Each track takes
 * at most one successor and one predecessor, the closest fit first.
 */
public final class TrackLinker {
    /** Most frames between the end of one track and the start of the next. */
    static final int MAX_GAP = 4;
    /** Farthest the next track may start from the end of the last, in box heights per frame of gap. */
    static final double MAX_STEP = 0.35;
    static final double MAX_HEIGHT_RATIO = 1.18;
    /** Largest signature distance of one person's coat and trousers before and after a meeting. */
    static final double MAX_LOOK_DISTANCE = 20;

    private TrackLinker() {
    }

    /** How a track looks at its start and at its end; either may be null when it has no clean frame there. */
    public record Ends(Signature head, Signature tail) {
    }

    private record Link(Track from, Track to, double cost) {
    }

    /**
     * Chains of tracks, each chain as one track (the id of its first) holding every box of its
     * members; {@code members} gets the ids each chain was made of.
     */
    public static List<Track> link(List<Track> tracks, Map<Integer, Ends> looks, Map<Integer, List<Integer>> members) {
        List<Link> links = new ArrayList<>();
        for (Track a : tracks) {
            for (Track b : tracks) {
                double cost = cost(a, b, looks.get(a.id()), looks.get(b.id()));
                if (Double.isFinite(cost)) {
                    links.add(new Link(a, b, cost));
                }
            }
        }
        links.sort(Comparator.comparingDouble(Link::cost).thenComparingInt(l -> l.from().id())
                .thenComparingInt(l -> l.to().id()));
        Map<Integer, Track> next = new HashMap<>();
        Map<Integer, Track> previous = new HashMap<>();
        for (Link l : links) {
            if (!next.containsKey(l.from().id()) && !previous.containsKey(l.to().id())) {
                next.put(l.from().id(), l.to());
                previous.put(l.to().id(), l.from());
            }
        }
        List<Track> chains = new ArrayList<>();
        for (Track t : tracks) {
            if (previous.containsKey(t.id())) {
                continue;
            }
            TreeMap<Integer, Box> boxes = new TreeMap<>();
            List<Integer> ids = new ArrayList<>();
            for (Track m = t; m != null; m = next.get(m.id())) {
                boxes.putAll(m.boxes());
                ids.add(m.id());
            }
            members.put(t.id(), List.copyOf(ids));
            chains.add(new Track(t.id(), boxes));
        }
        return chains;
    }

    /** How well {@code b} continues {@code a}: infinite when it cannot be the same person. */
    static double cost(Track a, Track b, Ends lookA, Ends lookB) {
        int gap = b.first() - a.last();
        if (gap < 1 || gap > MAX_GAP || lookA == null || lookB == null || lookA.tail() == null
                || lookB.head() == null) {
            return Double.POSITIVE_INFINITY;
        }
        Box end = a.box(a.last());
        Box start = b.box(b.first());
        double ratio = Math.max(end.h(), start.h()) / (double) Math.min(end.h(), start.h());
        double step = Math.hypot(end.centreX() - start.centreX(), end.bottom() - start.bottom()) / end.h() / gap;
        double look = lookA.tail().distance(lookB.head());
        if (ratio > MAX_HEIGHT_RATIO || step > MAX_STEP || look > MAX_LOOK_DISTANCE) {
            return Double.POSITIVE_INFINITY;
        }
        return step / MAX_STEP + look / MAX_LOOK_DISTANCE;
    }
}
