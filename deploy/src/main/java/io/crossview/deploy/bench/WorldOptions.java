package io.crossview.deploy.bench;

import java.io.IOException;
import picocli.CommandLine.Option;

/** The synthetic world the training benchmarks crop from: one seed for the world and the training. */
public final class WorldOptions {
    @Option(names = "--seed", defaultValue = "1", description = "World and training seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--people", defaultValue = "80", description = "People in the world (default: ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seconds", defaultValue = "60", description = "World length (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--population", paramLabel = "N", description = "Instead of a world's walks, crops of N people "
            + "placed on the site's cameras, each on 3 of them: the scale of thousands of identities")
    Integer population;

    SyntheticCrops render(String progressPrefix) throws IOException {
        if (population != null) {
            return SyntheticCrops.population(seed, population, progressPrefix);
        }
        return SyntheticCrops.render(seed, people, seconds, progressPrefix);
    }
}
