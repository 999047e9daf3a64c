package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherFile;
import io.crossview.matcher.linking.SiteTopology;
import java.nio.file.Files;
import io.crossview.eval.calibration.CalibrationError;
import io.crossview.matcher.calibration.Calibration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench matcher}: the matcher alone on a recorded run's embeddings, scored
 * against ground truth, so linker and tracker settings are compared on exactly the same input.
 */
@Command(name = "matcher", mixinStandardHelpOptions = true,
        description = {"Replay the matcher topology (real stores, no broker) on embeddings saved by "
                + "crossview bench --save-embeddings, and print per-camera IDF1/HOTA/MOTA/IDSW and MTMC IDF1 as JSON."})
public final class MatcherBenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--embeddings", required = true, paramLabel = "FILE", description = "Saved embedding messages")
    Path embeddings;

    @Option(names = "--gt", required = true, paramLabel = "DIR", description = "Ground truth: DIR/<camera>/gt/gt.txt")
    Path gt;

    @Option(names = "--config", paramLabel = "FILE", description = "Matcher config file (linker: and topology: sections)")
    Path config;

    @Option(names = "--topology", paramLabel = "FILE", description = "Give the matcher this camera topology")
    Path topology;

    @Option(names = "--out", paramLabel = "DIR", description = "Keep identities.jsonl and mot/ here (default: a temporary folder)")
    Path out;

    @Option(names = "--pairs", description = "Also report similarity quantiles of pairs labelled by the ground truth")
    boolean pairs;

    @Option(names = "--audit", description = "Also judge every identity decision by the ground truth: right and wrong links, missed links")
    boolean audit;

    @Override
    public Integer call() throws Exception {
        List<FrameEmbeddings> frames = EmbeddingsFile.read(embeddings);
        Path work = out != null ? out : Files.createTempDirectory("crossview-matcher-replay-");
        try {
            MatcherConfig matcher = MatcherConfig.defaults(work.resolve("state"));
            if (config != null) {
                matcher = MatcherFile.load(config).applyTo(matcher);
            }
            if (topology != null) {
                matcher = matcher.withLinker(matcher.linker(), SiteTopology.load(topology));
            }
            MatcherReplay.Result result = MatcherReplay.run(frames, matcher, work);
            ObjectNode report = JSON.createObjectNode();
            report.put("embeddings", embeddings.toString()).put("frames", frames.size())
                    .put("identity_events", result.events()).put("seconds", BenchAccuracy.round(result.seconds()))
                    .put("topology", topology != null ? "configured" : "learned");
            report.set("accuracy", BenchAccuracy.of(gt, result.mot()));
            if (audit) {
                report.set("link_audit", LinkAudit.of(result.identities(), gt));
            }
            ObjectNode curves = report.putObject("calibration");
            result.calibrations().forEach((model, c) -> curves.set(model, CalibrationReport.of(c)));
            ObjectNode tracker = report.putObject("tracker_calibration");
            result.trackerCalibrations().forEach((model, c) -> tracker.set(model, CalibrationReport.of(c)));
            if (pairs) {
                ObjectNode quantiles = report.putObject("labelled_pairs");
                LabelledPairs.Pairs labelled = LabelledPairs.of(frames, gt);
                ObjectNode errors = report.putObject("calibration_error");
                result.calibrations().forEach((model, c) -> errors.set(model, crossCameraError(labelled, c)));
                labelled.byKind().forEach((kind, values) -> {
                    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    ObjectNode q = quantiles.putObject(kind).put("n", sorted.length);
                    for (double f : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
                        q.put("q" + Math.round(f * 100), BenchAccuracy.round(sorted[(int) (f * (sorted.length - 1))]));
                    }
                });
            }
            System.out.println(JSON.writeValueAsString(report));
        } finally {
            if (out == null) {
                Utils.delete(work.toFile());
            }
        }
        return 0;
    }

    /** The linker curve's calibration error on the ground truth's cross-camera visit pairs. */
    private static ObjectNode crossCameraError(LabelledPairs.Pairs labelled, Calibration curve) {
        List<CalibrationError.Prediction> predictions = new ArrayList<>();
        labelled.byKind().getOrDefault("visit_positive_cross_camera", List.of())
                .forEach(s -> predictions.add(new CalibrationError.Prediction(curve.between(s), true)));
        labelled.byKind().getOrDefault("visit_negative_cross_camera", List.of())
                .forEach(s -> predictions.add(new CalibrationError.Prediction(curve.between(s), false)));
        CalibrationError.Result r = CalibrationError.of(predictions);
        return JSON.createObjectNode().put("curve", curve.source()).put("positives", r.positives())
                .put("negatives", r.negatives()).put("ece", BenchAccuracy.round(r.ece()))
                .put("balanced_ece", BenchAccuracy.round(r.balancedEce()));
    }
}
