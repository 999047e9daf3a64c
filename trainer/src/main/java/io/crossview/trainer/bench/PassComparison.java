package io.crossview.trainer.bench;

import io.crossview.trainer.export.OnnxExporter;
import io.crossview.trainer.labels.PseudoLabels;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.pretrain.PassPretraining;
import io.crossview.trainer.pretrain.PassSettings;
import io.crossview.trainer.train.Clusters;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.Trainer;
import io.crossview.trainer.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PASS measured: pre-training on the crops without their labels, then Cluster Contrast
 * fine-tuning (pseudo-labels only), against Cluster Contrast from the initialisation given the
 * same wall time (its extra epochs stand in for the pre-training's).
 */
public final class PassComparison {
    /** mAP per evaluation set of each stage, and what each cost. */
    public record Result(Map<String, Double> initial, Map<String, Double> pretrained, Map<String, Double> passFineTuned,
                         Map<String, Double> scratchFineTuned, double pretrainSeconds, double passFineTuneSeconds,
                         int fineTuneEpochs, int scratchEpochs, double scratchSeconds) {
    }

    private PassComparison() {
    }

    public static Result run(TrainingSet data, NetShape shape, PassSettings pass, TrainSettings fineTune,
                             Map<String, BackboneComparison.Evaluator> evaluations, Consumer<String> progress)
            throws IOException {
        TrainSettings clusters = fineTune.withLabels(TrainSettings.Labels.CLUSTERS);
        Map<String, Double> initial;
        try (ReidNet untrained = new ReidNet(shape, clusters.seed())) {
            initial = score(untrained, data, evaluations, "initial");
        }
        progress.accept("initialisation: mAP " + initial);
        Path weights = Files.createTempFile("crossview-pass", ".pt");
        double[] pretrainSeconds = {0};
        Map<String, Double> pretrained;
        try (ReidNet net = new PassPretraining(pass, shape, null).run(data, r -> {
            pretrainSeconds[0] += r.seconds();
            progress.accept(r.toLine());
        })) {
            pretrained = score(net, data, evaluations, "pass");
            net.save(weights);
        }
        progress.accept(String.format(java.util.Locale.ROOT, "after PASS (%.0f s, no labels): mAP %s", pretrainSeconds[0],
                pretrained));
        double[] passSeconds = {0};
        Map<String, Double> passFineTuned;
        try (ReidNet net = new Trainer(clusters, shape, new Clusters(PseudoLabels.Settings.DEFAULTS))
                .startingFrom(weights).train(data, null, (r, n) -> {
                    passSeconds[0] += r.seconds();
                    progress.accept("PASS + cluster contrast " + r.toLine());
                })) {
            passFineTuned = score(net, data, evaluations, "pass-cc");
        }
        Files.deleteIfExists(weights);
        progress.accept("PASS + cluster contrast: mAP " + passFineTuned);
        double perEpoch = passSeconds[0] / clusters.epochs();
        int scratchEpochs = clusters.epochs() + (int) Math.round(pretrainSeconds[0] / perEpoch);
        double[] scratchSeconds = {0};
        Map<String, Double> scratch;
        try (ReidNet net = new Trainer(clusters.withEpochs(scratchEpochs), shape,
                new Clusters(PseudoLabels.Settings.DEFAULTS)).train(data, null, (r, n) -> {
                    scratchSeconds[0] += r.seconds();
                    progress.accept("cluster contrast alone " + r.toLine());
                })) {
            scratch = score(net, data, evaluations, "cc");
        }
        progress.accept("cluster contrast alone (" + scratchEpochs + " epochs): mAP " + scratch);
        return new Result(initial, pretrained, passFineTuned, scratch, pretrainSeconds[0], passSeconds[0],
                clusters.epochs(), scratchEpochs, scratchSeconds[0]);
    }

    private static Map<String, Double> score(ReidNet net, TrainingSet data, Map<String, BackboneComparison.Evaluator> evaluations,
                                             String name) throws IOException {
        return BackboneComparison.scores(OnnxExporter.export(net, data.preprocessing(),
                new OnnxExporter.Provenance("bench-" + name, 0, "bench pass")), evaluations);
    }
}
