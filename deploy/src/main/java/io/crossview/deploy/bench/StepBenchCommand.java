package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.trainer.bench.StepCost;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.train.TrainSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench step}: what one trainer batch costs against the bare
 * forward/backward/step of the same network on a batch already in place.
 */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = "A trainer batch (assembly, augmentation, losses, step) against the bare forward/backward/step, "
                + "on synthetic-world crops.")
public final class StepBenchCommand implements Callable<Integer> {
    @Mixin
    WorldOptions world;

    @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds of each (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        try (SyntheticCrops crops = world.render("bench step: ")) {
            TrainSettings settings = TrainSettings.DEFAULTS.withSeed(world.seed);
            StepCost.Figures f = StepCost.measure(crops.data(), NetShape.DEFAULT, settings, rounds,
                    line -> System.out.println("bench step: " + line));
            System.out.printf(Locale.ROOT, "bench step: batch of %d: trainer %.3f s, bare step %.3f s: %.2fx (medians of %d)%n",
                    f.batchSize(), f.trainerSeconds(), f.bareSeconds(), f.ratio(), f.rounds());
            if (json != null) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("batch", f.batchSize()).put("rounds", f.rounds()).put("crops", crops.data().size())
                        .put("trainer_s_per_batch", f.trainerSeconds()).put("bare_s_per_batch", f.bareSeconds())
                        .put("trainer_over_bare", f.ratio()).put("augmentation", settings.augmentation().toString());
                mapper.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
            }
        }
        return 0;
    }
}
