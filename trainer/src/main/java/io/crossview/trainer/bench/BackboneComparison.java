package io.crossview.trainer.bench;

import io.crossview.common.tfjs.ConvChain;
import io.crossview.trainer.export.OnnxExporter;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.train.EpochReport;
import io.crossview.trainer.train.Identities;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.Trainer;
import io.crossview.trainer.train.TrainingSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which initialisation to train from, chosen by measurement: each candidate trunk is scored
 * zero-shot (a pretrained trunk's own pooled features; an untrained network as drawn), then
 * trained with the same settings, seed and batch budget on the same crops and scored again,
 * on every evaluation set (held-out synthetic identities, real people, ...).
 */
public final class BackboneComparison {
    /** A trunk to start from; {@code pretrained} is null for the built-in trunk. */
    public record Candidate(String name, NetShape shape, ConvChain pretrained) {
    }

    /** Scores an exported model on one evaluation set. */
    public interface Evaluator {
        double mAP(byte[] onnx) throws IOException;
    }

    /** Supplies the training crops as a candidate's network reads them (its preprocessing). */
    public interface Crops {
        TrainingSet forShape(NetShape shape) throws IOException;
    }

    /** mAP per evaluation set before and after training; seconds are training only. */
    public record Row(String candidate, long parameters, Map<String, Double> zeroShot, Map<String, Double> trained,
                      long batches, double seconds) {
    }

    private BackboneComparison() {
    }

    public static List<Row> run(List<Candidate> candidates, Crops crops, TrainSettings settings,
                                Map<String, Evaluator> evaluations, Consumer<String> progress) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Candidate candidate : candidates) {
            TrainingSet data = crops.forShape(candidate.shape());
            Map<String, Double> zeroShot;
            long parameters;
            try (ReidNet untrained = new ReidNet(candidate.shape(), settings.seed(), candidate.pretrained())) {
                parameters = untrained.parameterCount();
                byte[] onnx = candidate.pretrained() != null
                        ? OnnxExporter.exportTrunk(candidate.pretrained(), candidate.shape(), provenance(candidate, 0))
                        : OnnxExporter.export(untrained, data.preprocessing(), provenance(candidate, 0));
                zeroShot = scores(onnx, evaluations);
            }
            progress.accept(String.format(Locale.ROOT, "%s: %,d parameters, zero-shot mAP %s", candidate.name(),
                    parameters, zeroShot));
            List<EpochReport> reports = new ArrayList<>();
            Map<String, Double> trained;
            try (ReidNet net = new Trainer(settings, candidate.shape(), Identities.INSTANCE, candidate.pretrained())
                    .train(data, null, (report, n) -> {
                        reports.add(report);
                        progress.accept(candidate.name() + " " + report.toLine());
                    })) {
                byte[] onnx = OnnxExporter.export(net, data.preprocessing(), provenance(candidate, settings.epochs()));
                trained = scores(onnx, evaluations);
            }
            double seconds = reports.stream().mapToDouble(EpochReport::seconds).sum();
            long batches = reports.isEmpty() ? 0 : reports.get(reports.size() - 1).batchesSoFar();
            progress.accept(String.format(Locale.ROOT, "%s: trained %d batches in %.0f s, mAP %s", candidate.name(), batches,
                    seconds, trained));
            rows.add(new Row(candidate.name(), parameters, zeroShot, trained, batches, seconds));
        }
        return rows;
    }

    /** The model's mAP on every evaluation set, in their order. */
    static Map<String, Double> scores(byte[] onnx, Map<String, Evaluator> evaluations) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Evaluator> e : evaluations.entrySet()) {
            out.put(e.getKey(), e.getValue().mAP(onnx));
        }
        return out;
    }

    private static OnnxExporter.Provenance provenance(Candidate candidate, int epochs) {
        return new OnnxExporter.Provenance("bench-" + candidate.name(), epochs, "bench backbones");
    }
}
