package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.trainer.bench.BackboneComparison;
import io.crossview.trainer.bench.PassComparison;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.pretrain.PassSettings;
import io.crossview.trainer.train.TrainSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench pass}: PASS pre-training then Cluster Contrast, against Cluster Contrast
 * alone for the same wall time, on synthetic-world crops whose labels neither reads.
 */
@Command(name = "pass", mixinStandardHelpOptions = true,
        description = "PASS self-supervised pre-training + Cluster Contrast vs Cluster Contrast alone at the same wall "
                + "time, no labels used; held-out mAP.")
public final class PassBenchCommand implements Callable<Integer> {
    @Mixin
    WorldOptions world;

    @Option(names = "--pass-epochs", defaultValue = "8", description = "PASS epochs (default: ${DEFAULT-VALUE})")
    int passEpochs;

    @Option(names = "--epochs", defaultValue = "6",
            description = "Cluster Contrast epochs after PASS; the run without PASS gets more, to the same wall time "
                    + "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Mixin
    RealPeopleOption realPeople;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        try (SyntheticCrops crops = world.render("bench pass: ")) {
            Map<String, BackboneComparison.Evaluator> evaluations = realPeople.evaluations(crops);
            PassSettings pass = PassSettings.DEFAULTS.withEpochs(passEpochs).withSeed(world.seed);
            TrainSettings fineTune = TrainSettings.DEFAULTS.withSampler(TrainSettings.Sampler.PK).withEpochs(epochs)
                    .withSeed(world.seed);
            PassComparison.Result r = PassComparison.run(crops.data(), NetShape.DEFAULT, pass, fineTune, evaluations,
                    line -> System.out.println("bench pass: " + line));
            System.out.println();
            System.out.println("| model | labels | training (s) | mAP |");
            System.out.println("|---|---|---|---|");
            row("initialisation", "none", 0, r.initial());
            row("PASS, " + passEpochs + " epochs", "none", r.pretrainSeconds(), r.pretrained());
            row("PASS + cluster contrast, " + r.fineTuneEpochs() + " epochs", "pseudo",
                    r.pretrainSeconds() + r.passFineTuneSeconds(), r.passFineTuned());
            row("cluster contrast alone, " + r.scratchEpochs() + " epochs", "pseudo", r.scratchSeconds(),
                    r.scratchFineTuned());
            if (json != null) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("train_crops", crops.data().size()).put("held_out", crops.split().summary())
                        .put("pass_epochs", passEpochs).put("pass_seconds", r.pretrainSeconds())
                        .put("fine_tune_epochs", r.fineTuneEpochs()).put("fine_tune_seconds", r.passFineTuneSeconds())
                        .put("scratch_epochs", r.scratchEpochs()).put("scratch_seconds", r.scratchSeconds());
                root.putPOJO("initial_mAP", r.initial());
                root.putPOJO("pass_mAP", r.pretrained());
                root.putPOJO("pass_cluster_contrast_mAP", r.passFineTuned());
                root.putPOJO("cluster_contrast_alone_mAP", r.scratchFineTuned());
                mapper.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
            }
        }
        return 0;
    }

    private static void row(String model, String labels, double seconds, Map<String, Double> mAP) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %s |%n", model, labels, seconds, BackboneBenchCommand.figures(mAP));
    }
}
