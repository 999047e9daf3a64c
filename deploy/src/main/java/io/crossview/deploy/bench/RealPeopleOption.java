package io.crossview.deploy.bench;

import io.crossview.trainer.bench.BackboneComparison;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The training benchmarks' second evaluation set: a Market folder of real people. */
public final class RealPeopleOption {
    @Option(names = "--real", paramLabel = "DIR",
            description = "Also score on this Market folder of real people (crossview synth --composite --market DIR)")
    Path real;

    /** The held-out synthetic identities of {@code crops}, and the real people where given. */
    Map<String, BackboneComparison.Evaluator> evaluations(SyntheticCrops crops) {
        return crops.evaluations(real);
    }
}
