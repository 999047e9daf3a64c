package io.crossview.eval.composite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Cuts the real people out of a fixed-camera video, in three reads of it: boxes in every frame
 * (joined into short, sure tracks) and a sample of frames for the empty scene; then the
 * silhouettes of the tracks' clean frames, to drop frames whose mask is mostly missing or
 * spills over the box and to see what each track's person wears at its ends, so that tracks
 * can be joined into walks; then the cut-outs of the chosen walks' stretches.
 */
public final class PersonCutter {
    /**
     * How people are cut.
     *
     * @param sceneSamples frames that vote for the empty scene
     * @param threshold    foreground threshold, see {@link Silhouettes}
     * @param minFill      a clean frame's silhouette must fill at least this share of its box ...
     * @param maxFill      ... and at most this (more is background taken for a person)
     */
    public record Rules(int sceneSamples, int threshold, double minFill, double maxFill, CleanFrames.Rules clean,
                        Chunks.Rules chunks) {
        public static final Rules DEFAULT = new Rules(100, Silhouettes.DEFAULT_THRESHOLD, 0.25, 0.85,
                CleanFrames.Rules.DEFAULT, Chunks.Rules.DEFAULT);
    }

    /**
     * What was cut: the empty scene, how many boxes, tracks and walks there were, the people
     * chosen, and the walks left out as known repeats of a person ({@link KnownRepeats}).
     */
    public record Result(SourceVideo source, Picture emptyScene, int detections, int tracks, int walks,
                         List<CutPerson> people, List<KnownRepeats.Repeat> leftOutRepeats) {
        public Result {
            people = List.copyOf(people);
            leftOutRepeats = List.copyOf(leftOutRepeats);
        }
    }

    /** Box edges are steadied over this many frames either side. */
    static final int SMOOTHING = 2;
    /** Clean frames at each end of a track that say what its person wears. */
    static final int LOOK_FRAMES = 5;

    private PersonCutter() {
    }

    /** Up to {@code maxPeople} people, each with a stretch for every one of {@code cameras} visits. */
    public static Result cut(SourceVideo video, PersonBoxes finder, int cameras, int maxPeople, Rules rules,
                             Consumer<String> progress) throws IOException {
        int step = EmptyScene.sampleStep(video.frames(), rules.sceneSamples());
        EmptyScene scene = new EmptyScene(video.width(), video.height());
        WalkTracker tracker = new WalkTracker();
        Map<Integer, List<Box>> detections = new HashMap<>();
        int[] count = new int[1];
        video.forEachFrame((i, bgr) -> {
            List<Box> boxes = new ArrayList<>();
            for (Box b : finder.find(i, bgr)) {
                Box c = b.clippedTo(video.width(), video.height());
                if (c != null) {
                    boxes.add(c);
                }
            }
            detections.put(i, boxes);
            count[0] += boxes.size();
            tracker.add(i, boxes);
            if (i % step == 0) {
                scene.add(SourceVideo.toPicture(bgr), boxes);
            }
            if ((i + 1) % 100 == 0 || i + 1 == video.frames()) {
                progress.accept("finding people: " + (i + 1) + "/" + video.frames() + " frames, " + count[0] + " boxes");
            }
        });
        Picture empty = scene.median();
        progress.accept("empty scene: per-pixel median of " + scene.sampleCount() + " frames");
        Silhouettes silhouettes = new Silhouettes(empty, rules.threshold());
        List<Track> raw = tracker.tracks();
        List<Track> tracks = raw.stream().map(t -> t.smoothed(SMOOTHING)).toList();
        Map<Integer, NavigableSet<Integer>> clean = new TreeMap<>();
        for (int t = 0; t < tracks.size(); t++) {
            clean.put(tracks.get(t).id(), CleanFrames.of(raw.get(t), tracks.get(t), detections, video.width(),
                    video.height(), rules.clean()));
        }
        Map<Integer, TrackLinker.Ends> looks = checkSilhouettes(video, tracks, clean, silhouettes, rules);
        Map<Integer, List<Integer>> members = new HashMap<>();
        List<Track> chains = TrackLinker.link(tracks, looks, members);
        Map<Integer, NavigableSet<Integer>> chainClean = new TreeMap<>();
        for (Track chain : chains) {
            TreeSet<Integer> frames = new TreeSet<>();
            members.get(chain.id()).forEach(m -> frames.addAll(clean.get(m)));
            chainClean.put(chain.id(), frames);
        }
        List<KnownRepeats.Repeat> repeats = KnownRepeats.of(video.sha256());
        List<Walk> walks = WalkPicker.pick(chains, chainClean, cameras, rules.chunks(), maxPeople,
                KnownRepeats.walks(repeats));
        if (!repeats.isEmpty()) {
            progress.accept("left out " + repeats.size() + " walks known to repeat a person: "
                    + repeats.stream().map(r -> r.walk() + " (as " + r.sameAs() + ")").toList());
        }
        progress.accept("cutting people: " + tracks.size() + " tracks joined into " + chains.size() + " walks, "
                + walks.size() + " people with " + cameras + " clean stretches of " + rules.chunks().minLength()
                + "+ frames");
        return new Result(video, empty, count[0], tracks.size(), chains.size(), cutOut(video, walks, silhouettes),
                repeats);
    }

    /**
     * Drops the clean frames whose silhouette fills too little or too much of the box, and
     * returns what each track's person wears over their first and last few clean frames.
     */
    private static Map<Integer, TrackLinker.Ends> checkSilhouettes(SourceVideo video, List<Track> tracks,
            Map<Integer, NavigableSet<Integer>> clean, Silhouettes silhouettes, Rules rules) throws IOException {
        Map<Integer, TreeMap<Integer, Sprite>> ends = new HashMap<>();
        video.forEachFrame((i, bgr) -> {
            for (Track t : tracks) {
                NavigableSet<Integer> frames = clean.get(t.id());
                if (!frames.contains(i)) {
                    continue;
                }
                Sprite s = silhouettes.cut(bgr, t.box(i));
                if (s.fill() < rules.minFill() || s.fill() > rules.maxFill()) {
                    frames.remove(i);
                } else if (frames.headSet(i, false).size() < LOOK_FRAMES
                        || frames.tailSet(i, false).size() < 3 * LOOK_FRAMES) {
                    // frames after this one may still be dropped: keep a few more at the end
                    ends.computeIfAbsent(t.id(), k -> new TreeMap<>()).put(i, s);
                }
            }
        });
        Map<Integer, TrackLinker.Ends> looks = new HashMap<>();
        for (Track t : tracks) {
            TreeMap<Integer, Sprite> sprites = ends.get(t.id());
            NavigableSet<Integer> frames = clean.get(t.id());
            if (sprites == null || frames.isEmpty()) {
                continue;
            }
            List<Sprite> head = new ArrayList<>();
            List<Sprite> tail = new ArrayList<>();
            frames.stream().map(sprites::get).filter(Objects::nonNull).limit(LOOK_FRAMES).forEach(head::add);
            frames.descendingSet().stream().map(sprites::get).filter(Objects::nonNull).limit(LOOK_FRAMES)
                    .forEach(tail::add);
            looks.put(t.id(), new TrackLinker.Ends(Signature.of(head), Signature.of(tail)));
        }
        return looks;
    }

    private static List<CutPerson> cutOut(SourceVideo video, List<Walk> walks, Silhouettes silhouettes)
            throws IOException {
        List<List<List<Sprite>>> sprites = new ArrayList<>();
        for (Walk w : walks) {
            List<List<Sprite>> perStretch = new ArrayList<>();
            w.stretches().forEach(s -> perStretch.add(new ArrayList<>()));
            sprites.add(perStretch);
        }
        video.forEachFrame((i, bgr) -> {
            for (int p = 0; p < walks.size(); p++) {
                List<Stretch> stretches = walks.get(p).stretches();
                for (int s = 0; s < stretches.size(); s++) {
                    if (i >= stretches.get(s).first() && i <= stretches.get(s).last()) {
                        sprites.get(p).get(s).add(silhouettes.cut(bgr, walks.get(p).track().box(i)));
                    }
                }
            }
        });
        List<CutPerson> people = new ArrayList<>();
        for (int p = 0; p < walks.size(); p++) {
            people.add(new CutPerson(walks.get(p), sprites.get(p)));
        }
        return people;
    }
}
