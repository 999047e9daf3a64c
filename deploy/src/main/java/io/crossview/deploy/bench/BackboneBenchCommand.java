package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.common.sample.SampleVideo;
import io.crossview.trainer.backbone.Backbones;
import io.crossview.trainer.bench.BackboneComparison;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.promotion.Contender;
import io.crossview.trainer.train.Augmentation;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.TrainingSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench backbones}: the trainer's initialisations side by side, zero-shot and
 * after the same training on synthetic-world crops, scored on held-out synthetic identities and,
 * with {@code --real}, on a Market folder of real people.
 */
@Command(name = "backbones", mixinStandardHelpOptions = true,
        description = "Built-in trunk from random weights vs the ImageNet MobileNetV2 of nsfwjs: zero-shot and trained "
                + "held-out mAP, same crops, settings and budget.")
public final class BackboneBenchCommand implements Callable<Integer> {
    @Mixin
    WorldOptions world;

    @Option(names = "--epochs", defaultValue = "6", description = "PK epochs for every candidate (default: ${DEFAULT-VALUE})")
    int epochs;

    @Mixin
    RealPeopleOption realPeople;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        try (SyntheticCrops crops = world.render("bench backbones: ")) {
            Map<String, BackboneComparison.Evaluator> evaluations = realPeople.evaluations(crops);
            Map<String, Double> builtin = new LinkedHashMap<>();
            for (Map.Entry<String, BackboneComparison.Evaluator> e : evaluations.entrySet()) {
                builtin.put(e.getKey(), e.getValue().mAP(Contender.builtinModel().onnx()));
            }
            System.out.println("bench backbones: the built-in descriptor model (no training): mAP " + builtin);
            List<BackboneComparison.Candidate> candidates = List.of(
                    new BackboneComparison.Candidate("builtin", NetShape.DEFAULT, null),
                    new BackboneComparison.Candidate("mobilenetv2", NetShape.MOBILENET_V2,
                            Backbones.forShape(NetShape.MOBILENET_V2, SampleVideo.defaultCacheDir(),
                                    line -> System.out.println("bench backbones: " + line))));
            TrainSettings settings = TrainSettings.DEFAULTS.withSampler(TrainSettings.Sampler.PK).withEpochs(epochs)
                    .withSeed(world.seed).withAugmentation(Augmentation.ALL);
            List<BackboneComparison.Row> rows = BackboneComparison.run(candidates,
                    shape -> TrainingSet.fromStore(crops.store(), crops.split().trainLabels(), shape.preprocessing()),
                    settings, evaluations, line -> System.out.println("bench backbones: " + line));
            System.out.println();
            System.out.println("| initialisation | parameters | zero-shot mAP | trained mAP | batches | training (s) |");
            System.out.println("|---|---|---|---|---|---|");
            for (BackboneComparison.Row r : rows) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %d | %.0f |%n", r.candidate(), r.parameters(),
                        figures(r.zeroShot()), figures(r.trained()), r.batches(), r.seconds());
            }
            if (json != null) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("train_crops", crops.data().size()).put("held_out", crops.split().summary())
                        .put("epochs", epochs).put("sampler", "PK").put("augmentation", settings.augmentation().toString());
                root.putPOJO("builtin_descriptor_mAP", builtin);
                ArrayNode out = root.putArray("candidates");
                for (BackboneComparison.Row r : rows) {
                    ObjectNode o = out.addObject().put("initialisation", r.candidate()).put("parameters", r.parameters())
                            .put("batches", r.batches()).put("training_seconds", r.seconds());
                    o.putPOJO("zero_shot_mAP", r.zeroShot());
                    o.putPOJO("trained_mAP", r.trained());
                }
                mapper.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
            }
        }
        return 0;
    }

    static String figures(Map<String, Double> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.3f", v)));
        return s.toString();
    }
}
