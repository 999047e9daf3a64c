package io.crossview.eval.mot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Multi-camera IDF1 (Ristani et al. 2016): identities are global across cameras. A ground-truth
 * identity's trajectory is its boxes in every camera, and so is a predicted identity's; boxes are
 * compared only within the same camera and frame (IoU >= 0.5), and one matching between global
 * identities is made over everything. A person who changes camera keeps their credit only if the
 * prediction carries the same global id across.
 */
public final class MtmcIdf1 {
    private MtmcIdf1() {
    }

    /** Identity counts over {@code cameras}, whose ids must be global identities. */
    public static IdScores evaluate(Collection<MotSequence> cameras) {
        IdentityMatcher matcher = new IdentityMatcher();
        cameras.forEach(matcher::add);
        return matcher.solve();
    }

    /**
     * Identity counts from rows keyed by camera. Cameras are those of {@code gt}; a camera absent
     * from {@code pred} has no predictions, and predictions of a camera without ground truth are
     * all false positives.
     */
    public static IdScores evaluate(Map<String, ? extends Collection<MotRow>> gt,
                                    Map<String, ? extends Collection<MotRow>> pred) {
        List<MotSequence> cameras = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(gt.keySet());
        names.addAll(pred.keySet());
        for (String cam : names) {
            Collection<MotRow> g = gt.containsKey(cam) ? gt.get(cam) : List.of();
            Collection<MotRow> p = pred.containsKey(cam) ? pred.get(cam) : List.of();
            cameras.add(MotSequence.of(cam, g, p));
        }
        return evaluate(cameras);
    }

    /**
     * Identity counts over a MOTChallenge directory pair ({@code GT/CAMERA/gt/gt.txt},
     * {@code PRED/CAMERA.txt}) whose sequences are the cameras; a missing result file is a
     * camera without predictions.
     */
    public static IdScores evaluateDirectories(Path gtDir, Path predDir) throws IOException {
        Map<String, List<MotRow>> truth = new TreeMap<>();
        Map<String, List<MotRow>> predicted = new TreeMap<>();
        for (Map.Entry<String, Path> camera : MotEvaluator.groundTruthFiles(gtDir).entrySet()) {
            truth.put(camera.getKey(), MotFile.readGroundTruth(camera.getValue()));
            Path file = predDir.resolve(camera.getKey() + ".txt");
            predicted.put(camera.getKey(), Files.isRegularFile(file) ? MotFile.readPredictions(file) : List.of());
        }
        return evaluate(truth, predicted);
    }
}
