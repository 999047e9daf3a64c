package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;

/**
 * Chooses whose walks become identities. Every track that has enough clean frames for a
 * stretch per camera is a candidate; a candidate that may be the same real person as another
 * (it starts where and soon after the other ended, as when the tracker lost and found someone,
 * or it runs alongside the other on the same spot, a doubled detection) is dropped in favour of
 * the one with more clean frames. One person twice under two ids would make the ground truth
 * punish a linker for being right.
 */
public final class WalkPicker {
    /** A track starting this soon after another ended, this close (in box heights), may be the same person. */
    static final int RESUME_FRAMES = 30;
    static final double RESUME_HEIGHTS = 2.0;
    static final double TWIN_IOU = 0.3;

    private WalkPicker() {
    }

    /** Candidate: a track, its clean frames and its stretches. */
    private record Candidate(Track track, int clean, List<Stretch> stretches) {
    }

    /**
     * Up to {@code maxPeople} walks, the ones with most clean frames, numbered 1.. in order of
     * their first source frame.
     */
    public static List<Walk> pick(List<Track> tracks, Map<Integer, NavigableSet<Integer>> cleanFrames, int cameras,
                                  Chunks.Rules rules, int maxPeople) {
        return pick(tracks, cleanFrames, cameras, rules, maxPeople, Set.of());
    }

    /** As above, leaving out the walks {@code repeats} names (people another walk shows: {@link KnownRepeats}). */
    public static List<Walk> pick(List<Track> tracks, Map<Integer, NavigableSet<Integer>> cleanFrames, int cameras,
                                  Chunks.Rules rules, int maxPeople, Set<Integer> repeats) {
        List<Candidate> candidates = new ArrayList<>();
        for (Track t : tracks) {
            if (repeats.contains(t.id())) {
                continue;
            }
            NavigableSet<Integer> clean = cleanFrames.getOrDefault(t.id(), Collections.emptyNavigableSet());
            List<Stretch> stretches = Chunks.pick(Stretch.runs(clean), cameras, rules);
            if (!stretches.isEmpty()) {
                candidates.add(new Candidate(t, clean.size(), stretches));
            }
        }
        Comparator<Candidate> better = Comparator.comparingInt(Candidate::clean).reversed()
                .thenComparingInt(c -> c.track().id());
        candidates.sort(better);
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (kept.stream().noneMatch(k -> maybeSamePerson(k.track(), c.track()))) {
                kept.add(c);
            }
        }
        List<Candidate> chosen = new ArrayList<>(kept.subList(0, Math.min(maxPeople, kept.size())));
        chosen.sort(Comparator.comparingInt((Candidate c) -> c.track().first()).thenComparingInt(c -> c.track().id()));
        List<Walk> walks = new ArrayList<>();
        for (Candidate c : chosen) {
            walks.add(new Walk(walks.size() + 1, c.track(), c.stretches()));
        }
        return walks;
    }

    static boolean maybeSamePerson(Track a, Track b) {
        return resumes(a, b) || resumes(b, a) || twins(a, b);
    }

    /** Whether {@code b} starts soon after {@code a} ended, near where it ended. */
    private static boolean resumes(Track a, Track b) {
        int gap = b.first() - a.last();
        if (gap <= 0 || gap > RESUME_FRAMES) {
            return false;
        }
        Box end = a.box(a.last());
        Box start = b.box(b.first());
        double distance = Math.hypot(end.centreX() - start.centreX(), end.centreY() - start.centreY());
        return distance <= RESUME_HEIGHTS * Math.max(end.h(), start.h());
    }

    /** Whether the two overlap in some frame they share. */
    private static boolean twins(Track a, Track b) {
        if (a.last() < b.first() || b.last() < a.first()) {
            return false;
        }
        for (Map.Entry<Integer, Box> e : a.boxes().entrySet()) {
            Box other = b.box(e.getKey());
            if (other != null && other.iou(e.getValue()) > TWIN_IOU) {
                return true;
            }
        }
        return false;
    }
}
