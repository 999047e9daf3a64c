package io.crossview.deploy.cli;

import io.crossview.deploy.stages.Stages;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.CropStoreSettings;
import io.crossview.trainer.store.MarketImport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview crops}: the trainer's crop store — collect the harvest, import Market-1501, show counts. */
@Command(name = "crops", mixinStandardHelpOptions = true,
        description = "The trainer's crop store: collect harvested crops, import labelled Market-1501 crops, show counts.",
        subcommands = {CropsCommand.Collect.class, CropsCommand.Import.class, CropsCommand.Stats.class})
public final class CropsCommand {

    /** Where the store lives and how it is bounded; shared by the subcommands. */
    static final class StoreOptions {
        @Option(names = "--store", defaultValue = ".crossview/crops", description = "Crop store folder (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--max-per-identity", defaultValue = "100",
                description = "Crops kept per identity; a better one replaces the worst (default: ${DEFAULT-VALUE})")
        int maxPerIdentity;

        @Option(names = "--retention-days", defaultValue = "30",
                description = "Crops older than this are expired (default: ${DEFAULT-VALUE})")
        int retentionDays;

        CropStore open() throws java.io.IOException {
            return CropStore.open(dir, new CropStoreSettings(maxPerIdentity, Duration.ofDays(retentionDays)));
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = "Read the harvest topic into the crop store until Ctrl-C (duplicates by content are stored once).")
    static final class Collect implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Mixin
        StoreOptions store;

        @Mixin
        ManagementOptions management;

        @Override
        public Integer call() throws Exception {
            CropStore crops = store.open();
            int expired = crops.expire(System.currentTimeMillis());
            System.out.println("crops: " + crops.stats().crops() + " in " + store.dir + " (" + expired + " expired)");
            return StageCommand.runUntilSignal("crops", management, ManagementOptions.CROPS,
                () -> Stages.cropCollector(kafka.connection(), kafka.ensureTopics(), crops));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a folder of Market-1501-named crops (0002_c1s1_000451_03.jpg) as labelled identities.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--market", required = true, paramLabel = "DIR", description = "Folder of Market-1501-named JPEGs")
        Path market;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws Exception {
            try (CropStore crops = store.open()) {
                MarketImport.Result r = MarketImport.importFolder(market, crops, System.currentTimeMillis());
                System.out.println("crops: imported " + r.imported() + " from " + market + " (" + r.duplicates()
                        + " already there, " + r.skipped() + " junk or distractors skipped, " + r.unnamed()
                        + " files not in Market-1501 naming)");
            }
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Count the crops and identities in the store.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws Exception {
            try (CropStore crops = store.open()) {
                CropStore.Stats s = crops.stats();
                System.out.println("crops: " + s.crops() + " crops of " + s.labels() + " identities in " + store.dir);
            }
            return 0;
        }
    }
}
