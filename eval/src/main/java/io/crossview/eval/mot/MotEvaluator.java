package io.crossview.eval.mot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates tracker output against ground truth, per sequence and combined: CLEAR MOT and IDF1
 * with py-motmetrics' semantics, HOTA with TrackEval's.
 *
 * <p>Directory layout, as py-motmetrics' {@code eval_motchallenge.py} and TrackEval read it:
 * {@code GT_DIR/SEQ/gt/gt.txt} and {@code PRED_DIR/SEQ.txt}. Sequences are those with a
 * ground-truth file. A sequence without a prediction file is evaluated with no predictions (all
 * misses) and a warning; py-motmetrics would skip it and TrackEval would stop, but silently
 * dropping a sequence flatters the combined figures. Prediction files without ground truth are
 * ignored.
 */
public final class MotEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(MotEvaluator.class);

    private MotEvaluator() {
    }

    /** All metrics of one sequence. */
    public static SequenceResult evaluate(MotSequence seq) {
        return new SequenceResult(seq.name(), ClearMot.evaluate(seq), Idf1.evaluate(seq), Hota.evaluate(seq));
    }

    /**
     * Evaluates already-filtered rows keyed by sequence name. Sequences are the keys of {@code gt},
     * in name order; a sequence missing from {@code pred} has no predictions.
     */
    public static MotReport evaluate(Map<String, ? extends Collection<MotRow>> gt,
                                     Map<String, ? extends Collection<MotRow>> pred) {
        List<SequenceResult> results = new ArrayList<>();
        for (String seq : new TreeMap<>(gt).keySet()) {
            Collection<MotRow> p = pred.containsKey(seq) ? pred.get(seq) : List.of();
            results.add(evaluate(MotSequence.of(seq, gt.get(seq), p)));
        }
        return MotReport.of(results);
    }

    /** Evaluates a MOTChallenge directory pair with py-motmetrics' row selection. */
    public static MotReport evaluateDirectories(Path gtDir, Path predDir) throws IOException {
        return evaluateDirectories(gtDir, predDir, MotPreprocessing.Mode.NONE);
    }

    /** Evaluates a MOTChallenge directory pair, selecting rows under {@code mode}. */
    public static MotReport evaluateDirectories(Path gtDir, Path predDir, MotPreprocessing.Mode mode)
            throws IOException {
        Map<String, Path> gtFiles = groundTruthFiles(gtDir);
        if (gtFiles.isEmpty()) {
            throw new IOException("no ground truth found: expected " + gtDir.resolve("SEQ/gt/gt.txt"));
        }
        if (!Files.isDirectory(predDir)) {
            throw new IOException("prediction directory does not exist: " + predDir);
        }
        Map<String, List<MotRow>> gt = new TreeMap<>();
        Map<String, List<MotRow>> pred = new TreeMap<>();
        for (Map.Entry<String, Path> e : gtFiles.entrySet()) {
            Path predFile = predDir.resolve(e.getKey() + ".txt");
            List<MotRow> rawPred;
            if (Files.isRegularFile(predFile)) {
                rawPred = MotFile.read(predFile);
            } else {
                LOG.warn("No predictions for sequence {} ({} is missing): evaluating it as empty", e.getKey(), predFile);
                rawPred = List.of();
            }
            MotPreprocessing.Filtered rows = MotPreprocessing.apply(mode, MotFile.read(e.getValue()), rawPred);
            gt.put(e.getKey(), rows.gt());
            pred.put(e.getKey(), rows.pred());
        }
        return evaluate(gt, pred);
    }

    /** {@code SEQ -> GT_DIR/SEQ/gt/gt.txt} for every sequence folder that has one. */
    public static Map<String, Path> groundTruthFiles(Path gtDir) throws IOException {
        if (!Files.isDirectory(gtDir)) {
            throw new IOException("ground-truth directory does not exist: " + gtDir);
        }
        Map<String, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(gtDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path gt = dir.resolve("gt").resolve("gt.txt");
                if (Files.isRegularFile(gt)) {
                    files.put(dir.getFileName().toString(), gt);
                }
            }
        }
        return files;
    }
}
