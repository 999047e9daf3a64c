package io.crossview.deploy.eval;

import io.crossview.eval.mot.IdScores;
import io.crossview.eval.mot.MotEvaluator;
import io.crossview.eval.mot.MotPreprocessing;
import io.crossview.eval.mot.MotReport;
import io.crossview.eval.mot.MtmcIdf1;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossview eval mot}: CLEAR MOT, IDF1 and HOTA of MOTChallenge result files, and MTMC IDF1. */
@Command(name = "mot", mixinStandardHelpOptions = true,
        description = {"Score MOTChallenge result files (PRED/SEQ.txt) against ground truth (GT/SEQ/gt/gt.txt): "
                + "MOTA, MOTP, IDF1, IDP, IDR, Recall, Precision, FP, FN, IDSW, Frag, MT, PT, ML, HOTA, DetA, AssA, "
                + "LocA per sequence and combined (py-motmetrics and TrackEval semantics)."})
public final class EvalMotCommand implements Callable<Integer> {
    @Option(names = "--gt", required = true, paramLabel = "DIR", description = "Ground truth: DIR/SEQ/gt/gt.txt")
    Path gt;

    @Option(names = "--pred", required = true, paramLabel = "DIR", description = "Results: DIR/SEQ.txt")
    Path pred;

    @Option(names = "--json", description = "Print {\"SEQ\": {\"MOTA\": ...}, \"COMBINED\": {...}} only")
    boolean json;

    @Option(names = "--mtmc", description = "Also report MTMC IDF1: sequences are cameras whose ids are global identities")
    boolean mtmc;

    @Option(names = "--preprocess", defaultValue = "none",
            description = "none (default), mot17 or mot20: TrackEval's distractor removal for those benchmarks")
    String preprocess;

    @Override
    public Integer call() throws Exception {
        MotPreprocessing.Mode mode = switch (preprocess) {
            case "none" -> MotPreprocessing.Mode.NONE;
            case "mot17" -> MotPreprocessing.Mode.TRACKEVAL_MOT17;
            case "mot20" -> MotPreprocessing.Mode.TRACKEVAL_MOT20;
            default -> throw new IllegalArgumentException("--preprocess must be none, mot17 or mot20, got " + preprocess);
        };
        MotReport report = MotEvaluator.evaluateDirectories(gt, pred, mode);
        if (json) {
            System.out.println(report.toJson());
        } else {
            print(report.table());
        }
        if (mtmc) {
            IdScores scores = MtmcIdf1.evaluateDirectories(gt, pred);
            String line = String.format(Locale.ROOT, "MTMC IDF1=%.4f IDP=%.4f IDR=%.4f (IDTP=%d IDFP=%d IDFN=%d)",
                    scores.idf1(), scores.idp(), scores.idr(), scores.idtp(), scores.idfp(), scores.idfn());
            (json ? System.err : System.out).println(line);
        }
        return 0;
    }

    private static void print(Map<String, Map<String, Number>> table) {
        List<String> keys = MotReport.KEYS;
        StringBuilder header = new StringBuilder(String.format("%-16s", "sequence"));
        keys.forEach(k -> header.append(String.format("%10s", k)));
        System.out.println(header);
        table.forEach((seq, row) -> {
            StringBuilder line = new StringBuilder(String.format("%-16s", seq));
            for (String k : keys) {
                Number v = row.get(k);
                line.append(v instanceof Double d ? String.format(Locale.ROOT, "%10.4f", d) : String.format("%10s", v));
            }
            System.out.println(line);
        });
    }
}
