package io.crossview.eval.mot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The multi-camera IDF1 that linking across cameras has to beat: what a system scores whose
 * tracks on each camera are perfect but which never joins them across cameras. Every stay of a
 * person on a camera becomes a track of its own (the ground truth's boxes under a fresh id); a
 * stay ends where the person is out of that camera's view for longer than the gap, as a
 * single-camera tracker would drop them. A multi-camera system scoring at or below this has
 * learned nothing from its cross-camera matching.
 */
public final class NoLinkingFloor {
    /** A person unseen on a camera for longer than this has left it: the next sighting is a new track. */
    public static final double DEFAULT_GAP_SECONDS = 1;

    private NoLinkingFloor() {
    }

    /** Frames a gap of {@code seconds} spans at {@code fps}. */
    public static int gapFrames(double seconds, double fps) {
        if (!(seconds >= 0) || !(fps > 0)) {
            throw new IllegalArgumentException("gap needs seconds >= 0 and fps > 0, got " + seconds + ", " + fps);
        }
        return (int) Math.round(seconds * fps);
    }

    /**
     * The no-linking system's tracks: per camera, the ground-truth rows with the id of their
     * stay, a new stay starting where more than {@code maxGapFrames} frames pass without the
     * person on that camera. Ids are fresh and unique across cameras, numbered from 1.
     */
    public static Map<String, List<MotRow>> tracks(Map<String, ? extends Collection<MotRow>> gt, int maxGapFrames) {
        return tracks(gt, camera -> maxGapFrames);
    }

    /** The floor's identity counts over ground-truth rows keyed by camera. */
    public static IdScores evaluate(Map<String, ? extends Collection<MotRow>> gt, int maxGapFrames) {
        return MtmcIdf1.evaluate(gt, tracks(gt, maxGapFrames));
    }

    /**
     * The floor of a MOTChallenge ground-truth folder ({@code GT/CAMERA/gt/gt.txt}), each
     * camera's gap converted to frames at the {@code frameRate} of its {@code seqinfo.ini}.
     */
    public static IdScores evaluateDirectory(Path gtDir, double gapSeconds) throws IOException {
        Map<String, Path> files = MotEvaluator.groundTruthFiles(gtDir);
        if (files.isEmpty()) {
            throw new IOException("no ground truth found: expected " + gtDir.resolve("CAMERA/gt/gt.txt"));
        }
        Map<String, List<MotRow>> gt = new TreeMap<>();
        Map<String, Integer> gaps = new TreeMap<>();
        for (Map.Entry<String, Path> camera : files.entrySet()) {
            gt.put(camera.getKey(), MotFile.readGroundTruth(camera.getValue()));
            double fps = frameRate(gtDir.resolve(camera.getKey()).resolve("seqinfo.ini"));
            gaps.put(camera.getKey(), gapFrames(gapSeconds, fps));
        }
        return MtmcIdf1.evaluate(gt, tracks(gt, gaps::get));
    }

    private static Map<String, List<MotRow>> tracks(Map<String, ? extends Collection<MotRow>> gt,
                                                    ToIntFunction<String> maxGapFrames) {
        Map<String, List<MotRow>> out = new TreeMap<>();
        long next = 1;
        for (Map.Entry<String, ? extends Collection<MotRow>> camera : new TreeMap<>(gt).entrySet()) {
            int maxGap = maxGapFrames.applyAsInt(camera.getKey());
            Map<Long, List<MotRow>> byPerson = new TreeMap<>();
            camera.getValue().forEach(r -> byPerson.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
            List<MotRow> rows = new ArrayList<>();
            for (List<MotRow> person : byPerson.values()) {
                person.sort(Comparator.comparingInt(MotRow::frame));
                long id = next++;
                int previous = person.get(0).frame();
                for (MotRow r : person) {
                    if (r.frame() - previous - 1 > maxGap) {
                        id = next++;
                    }
                    previous = r.frame();
                    rows.add(new MotRow(r.frame(), id, r.x(), r.y(), r.w(), r.h(), 1, r.cls(), r.visibility()));
                }
            }
            out.put(camera.getKey(), rows);
        }
        return out;
    }

    /** The {@code frameRate} of a MOTChallenge {@code seqinfo.ini}. */
    static double frameRate(Path seqInfo) throws IOException {
        if (!Files.isRegularFile(seqInfo)) {
            throw new IOException("no " + seqInfo + ": the no-linking floor needs each camera's frameRate");
        }
        for (String line : Files.readAllLines(seqInfo)) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("frameRate")) {
                try {
                    return Double.parseDouble(kv[1].strip());
                } catch (NumberFormatException e) {
                    throw new IOException(seqInfo + ": frameRate is not a number: '" + kv[1].strip() + "'", e);
                }
            }
        }
        throw new IOException(seqInfo + " has no frameRate");
    }
}
