package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.eval.reid.ReidReport;
import io.crossview.trainer.bench.SamplerComparison;
import io.crossview.trainer.eval.HeldOutEvaluation;
import io.crossview.trainer.eval.HeldOutSplit;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.promotion.Contender;
import io.crossview.trainer.sampling.PkSampler;
import io.crossview.trainer.train.Augmentation;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.TrainingSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench train}: graph sampling against PK sampling on crops of the synthetic
 * world, same network, loss, seed and batch budget; held-out mAP and rank-1 after every epoch.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Graph sampling (QAConv-GS) vs PK sampling on synthetic-world crops: held-out mAP/rank-1 per epoch, wall time.")
public final class TrainBenchCommand implements Callable<Integer> {
    @Mixin
    WorldOptions world;

    @Option(names = "--epochs", defaultValue = "8", description = "Graph-sampler epochs; PK gets the same batches (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lr", defaultValue = "3.5e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--batch", defaultValue = "16x4", description = "P x K (default: ${DEFAULT-VALUE})")
    String batch;

    @Option(names = "--augment", defaultValue = "all",
            description = "Training augmentations: all (default), none, or a list of crop, flip, colour, erase")
    String augment;

    @Option(names = "--graph-batches", defaultValue = "0", paramLabel = "N",
            description = "Most batches of a graph-sampler epoch, on anchors drawn at random; the graph is rebuilt "
                    + "every epoch (default 0: one batch per class, as QAConv-GS; thousands of classes need fewer)")
    int graphBatches;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw held-out mAP against training time, per sampler")
    Path plot;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        try (SyntheticCrops crops = world.render("bench train: ")) {
            HeldOutSplit split = crops.split();
            TrainingSet data = crops.data();
            NetShape shape = NetShape.DEFAULT;
            String[] pk = batch.split("x");
            TrainSettings settings = TrainSettings.DEFAULTS.withBatch(Integer.parseInt(pk[0]), Integer.parseInt(pk[1]))
                    .withSeed(world.seed).withLearningRate(lr).withAugmentation(Augmentation.parse(augment))
                    .withGraphBatches(graphBatches);
            int pkBatches = new PkSampler(data.classes(), settings.p(), settings.k(), world.seed)
                    .batchesPerEpoch();
            HeldOutEvaluation evaluation = new HeldOutEvaluation();
            ReidReport builtin = evaluation.evaluate(Contender.builtinModel().onnx(), split);
            System.out.printf(Locale.ROOT, "bench train: built-in model on the held-out set: mAP %.3f rank-1 %.3f%n",
                    builtin.mAP(), builtin.rank1());
            List<SamplerComparison.Point> points = SamplerComparison.run(data, shape, settings, epochs, pkBatches,
                    onnx -> {
                        ReidReport r = evaluation.evaluate(onnx, split);
                        return new SamplerComparison.Score(r.mAP(), r.rank1());
                    }, line -> System.out.println("bench train: " + line));
            System.out.println();
            System.out.println("| sampler | epoch | batches | train time (s) | of which sampler (s) | mAP | rank-1 |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (SamplerComparison.Point p : points) {
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.3f | %.3f |%n", p.sampler(), p.epoch(),
                        p.batches(), p.seconds(), p.samplerSeconds(), p.mAP(), p.rank1());
            }
            if (plot != null) {
                Map<String, List<Plots.Point>> curves = new LinkedHashMap<>();
                for (TrainSettings.Sampler sampler : TrainSettings.Sampler.values()) {
                    curves.put(sampler == TrainSettings.Sampler.PK ? "PK" : "graph (QAConv-GS)", points.stream()
                            .filter(p -> p.sampler() == sampler).map(p -> new Plots.Point(p.seconds(), p.mAP())).toList());
                }
                Plots.curves(plot, String.format(Locale.ROOT, "Graph sampling vs PK: %d identities, batches of %dx%d",
                        data.classCount(), settings.p(), settings.k()), "training wall time (s)", "held-out mAP", curves);
            }
            if (json != null) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("crops", data.size()).put("train_identities", data.classCount())
                        .put("held_out", split.summary()).put("builtin_mAP", builtin.mAP()).put("builtin_rank1", builtin.rank1())
                        .put("augmentation", settings.augmentation().toString()).put("pk_batches_per_epoch", pkBatches).put("p", settings.p()).put("k", settings.k())
                        .put("graph_batches_per_epoch", graphBatches);
                ArrayNode rows = root.putArray("points");
                for (SamplerComparison.Point p : points) {
                    rows.addObject().put("sampler", p.sampler().name()).put("epoch", p.epoch()).put("batches", p.batches())
                            .put("seconds", p.seconds()).put("sampler_seconds", p.samplerSeconds())
                            .put("mAP", p.mAP()).put("rank1", p.rank1());
                }
                mapper.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
            }
        }
        return 0;
    }
}
