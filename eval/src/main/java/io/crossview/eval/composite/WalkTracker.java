package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Joins per-frame boxes into walks by overlap with the previous box: greedy, best overlap
 * first. Enough for a fixed camera at 10 fps where a walker's box moves a few pixels a frame;
 * a track that misses more than {@link #MAX_GAP} frames ends, and whoever comes back gets a new
 * one (the picker later refuses to take such a pair as two people). The tracker is meant to
 * be sure rather than long: where the match is ambiguous (another box also overlaps the track's
 * last one, or the box it takes also overlaps another track's) two people meet and an overlap
 * tracker may swap them, so the track ends there and a new one begins.
 */
public final class WalkTracker {
    static final double MIN_IOU = 0.3;
    static final int MAX_GAP = 3;
    /** Overlap at which another box could be the same person: well below {@link #MIN_IOU}, to be safe. */
    static final double AMBIGUOUS_IOU = 0.1;

    private final List<Open> open = new ArrayList<>();
    private final List<Track> done = new ArrayList<>();
    private int nextId = 1;
    private int lastFrame = -1;

    private static final class Open {
        final int id;
        final TreeMap<Integer, Box> boxes = new TreeMap<>();

        Open(int id) {
            this.id = id;
        }

        Box lastBox() {
            return boxes.lastEntry().getValue();
        }
    }

    private record Pair(Open track, int detection, double iou) {
    }

    /** The boxes of the next frame; frames come in increasing order. */
    public void add(int frame, List<Box> detections) {
        if (frame <= lastFrame) {
            throw new IllegalArgumentException("frame " + frame + " after frame " + lastFrame);
        }
        lastFrame = frame;
        // before matching, so that frames left out of the calls count as missed too
        open.removeIf(t -> {
            boolean stale = frame - t.boxes.lastKey() - 1 > MAX_GAP;
            if (stale) {
                done.add(new Track(t.id, t.boxes));
            }
            return stale;
        });
        List<Pair> pairs = new ArrayList<>();
        int[] near = new int[detections.size()];
        List<Open> ambiguous = new ArrayList<>();
        for (Open t : open) {
            int candidates = 0;
            for (int d = 0; d < detections.size(); d++) {
                double iou = t.lastBox().iou(detections.get(d));
                if (iou >= AMBIGUOUS_IOU) {
                    candidates++;
                    near[d]++;
                }
                if (iou >= MIN_IOU) {
                    pairs.add(new Pair(t, d, iou));
                }
            }
            if (candidates > 1) {
                ambiguous.add(t);
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed()
                .thenComparingInt(p -> p.track().id).thenComparingInt(Pair::detection));
        boolean[] used = new boolean[detections.size()];
        List<Open> matched = new ArrayList<>();
        for (Pair p : pairs) {
            if (!used[p.detection()] && !matched.contains(p.track())) {
                used[p.detection()] = true;
                matched.add(p.track());
                if (ambiguous.contains(p.track()) || near[p.detection()] > 1) {
                    // leave the detection to start a fresh track below
                    used[p.detection()] = false;
                    end(p.track());
                } else {
                    p.track().boxes.put(frame, detections.get(p.detection()));
                }
            }
        }
        for (Open t : ambiguous) {
            if (open.contains(t)) {
                end(t);
            }
        }
        for (int d = 0; d < detections.size(); d++) {
            if (!used[d]) {
                Open t = new Open(nextId++);
                t.boxes.put(frame, detections.get(d));
                open.add(t);
            }
        }
    }

    private void end(Open track) {
        open.remove(track);
        done.add(new Track(track.id, track.boxes));
    }

    /** Every track, ended or not, by id. */
    public List<Track> tracks() {
        List<Track> all = new ArrayList<>(done);
        open.forEach(t -> all.add(new Track(t.id, t.boxes)));
        all.sort(Comparator.comparingInt(Track::id));
        return all;
    }
}
