package io.crossview.trainer.bench;

import io.crossview.trainer.export.OnnxExporter;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.train.Identities;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.Trainer;
import io.crossview.trainer.train.TrainingSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The QAConv-GS claim measured: the same network, loss, settings and seed trained once with the
 * PK sampler and once with the graph sampler, for the same number of batches, each evaluated on
 * the held-out identities after every epoch through its exported ONNX model.
 */
public final class SamplerComparison {
    /** Evaluates an exported model on the held-out set: mAP and rank-1. */
    public interface Evaluator {
        Score evaluate(byte[] onnx) throws IOException;
    }

    public record Score(double mAP, double rank1) {
    }

    /** One evaluation point of one sampler's run; seconds are training wall time so far, sampler included. */
    public record Point(TrainSettings.Sampler sampler, int epoch, long batches, double seconds,
                        double samplerSeconds, double mAP, double rank1) {
    }

    private SamplerComparison() {
    }

    /**
     * Runs both samplers. The graph sampler runs {@code graphEpochs} epochs (one batch per
     * class each, or the settings' {@code graphBatches}); the PK sampler runs as many epochs as it
     * takes to train at least as many batches.
     */
    public static List<Point> run(TrainingSet data, NetShape shape, TrainSettings settings, int graphEpochs,
                                  int pkBatchesPerEpoch, Evaluator evaluator, Consumer<String> progress)
            throws IOException {
        int perEpoch = settings.graphBatches() > 0 ? Math.min(settings.graphBatches(), data.classCount()) : data.classCount();
        long budget = (long) graphEpochs * perEpoch;
        int pkEpochs = (int) Math.ceil((double) budget / pkBatchesPerEpoch);
        List<Point> points = new ArrayList<>();
        points.addAll(one(data, shape, settings.withSampler(TrainSettings.Sampler.PK).withEpochs(pkEpochs), evaluator,
                progress));
        points.addAll(one(data, shape, settings.withSampler(TrainSettings.Sampler.GRAPH).withEpochs(graphEpochs),
                evaluator, progress));
        return points;
    }

    private static List<Point> one(TrainingSet data, NetShape shape, TrainSettings settings, Evaluator evaluator,
                                   Consumer<String> progress) throws IOException {
        List<Point> points = new ArrayList<>();
        double[] trainingSeconds = {0};
        double[] samplerSeconds = {0};
        new Trainer(settings, shape, Identities.INSTANCE).train(data, null, (report, net) -> {
            trainingSeconds[0] += report.seconds();
            samplerSeconds[0] += report.samplerSeconds();
            byte[] onnx = OnnxExporter.export(net, data.preprocessing(),
                    new OnnxExporter.Provenance("bench-" + settings.sampler().name().toLowerCase(), report.epoch(), "bench"));
            Score score = evaluator.evaluate(onnx);
            points.add(new Point(settings.sampler(), report.epoch(), report.batchesSoFar(), trainingSeconds[0],
                    samplerSeconds[0], score.mAP(), score.rank1()));
            progress.accept(String.format(java.util.Locale.ROOT, "%s %s  held-out mAP %.3f rank-1 %.3f",
                    settings.sampler(), report.toLine(), score.mAP(), score.rank1()));
        }).close();
        return points;
    }
}
