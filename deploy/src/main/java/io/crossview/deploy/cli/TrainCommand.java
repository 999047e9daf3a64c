package io.crossview.deploy.cli;

import io.crossview.common.kafka.StageLoop;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.deploy.metrics.Health;
import io.crossview.deploy.metrics.ManagementServer;
import io.crossview.deploy.stages.Stages;
import io.crossview.embedder.registry.ModelFetcher;
import io.crossview.embedder.registry.ModelRegistry;
import io.crossview.trainer.eval.HeldOutSplit;
import io.crossview.trainer.job.TrainJob;
import io.crossview.trainer.job.TrainJobSettings;
import io.crossview.trainer.job.TrainSchedule;
import io.crossview.trainer.labels.PseudoLabels;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.promotion.Contender;
import io.crossview.trainer.promotion.ModelAnnouncer;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.train.Augmentation;
import io.crossview.trainer.train.TrainSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview train}: one retraining job on the crop store, or periodic jobs while harvesting. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Retrain the re-ID model on the crop store and announce it on the models topic if it beats the "
                + "current model on held-out identities.",
                "With --every or --new-crops, keeps collecting the harvest topic into the store and retrains periodically."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    CropsCommand.StoreOptions store;

    /** A schedule (--every, --new-crops) runs a crop collector: it serves metrics and health like the stages. */
    @Mixin
    ManagementOptions management;

    @Option(names = "--workdir", defaultValue = ".crossview/trainer",
            description = "Checkpoints, exported models and the promotions log (default: ${DEFAULT-VALUE})")
    Path workdir;

    @Option(names = "--model-name", defaultValue = TrainJobSettings.DEFAULT_MODEL_NAME,
            description = "Model name the embedders follow (default: ${DEFAULT-VALUE})")
    String modelName;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--sampler", defaultValue = "graph", description = "graph (QAConv-GS, default) or pk")
    String sampler;

    @Option(names = "--labels", defaultValue = "identity",
            description = "identity: the matcher's identities (default); clusters: Cluster Contrast pseudo-labels")
    String labels;

    @Option(names = "--lr", defaultValue = "3.5e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--batch", defaultValue = "16x4", description = "P classes x K crops per batch (default: ${DEFAULT-VALUE})")
    String batch;

    @Option(names = "--eps", defaultValue = "0.6", description = "DBSCAN radius for --labels clusters (default: ${DEFAULT-VALUE})")
    double eps;

    @Option(names = "--held-out", defaultValue = "0.2",
            description = "Fraction of identities held out to judge models (default: ${DEFAULT-VALUE})")
    double heldOut;

    @Option(names = "--margin", defaultValue = "0.0",
            description = "mAP a new model must gain over the current one to be announced (default: ${DEFAULT-VALUE})")
    double margin;

    @Option(names = "--backbone", defaultValue = "builtin",
            description = "builtin: our small trunk from random weights (default); mobilenetv2: ImageNet MobileNetV2-1.4 "
                    + "from npm (nsfwjs), imported from TF.js")
    String backbone;

    @Option(names = "--augment", defaultValue = "all",
            description = "Training augmentations: all (default), none, or a list of crop, flip, colour, erase")
    String augment;

    @Option(names = "--threads", defaultValue = "0", description = "Training threads (default: all cores)")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation and sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-announce", description = "Decide and log, but announce nothing (a dry run)")
    boolean noAnnounce;

    @Option(names = "--out", paramLabel = "M.onnx",
            description = "Also write the trained candidate here, whatever the promotion decides (one job only)")
    Path out;

    @Option(names = "--current", paramLabel = "FILE",
            description = "Compare with this model instead of the one announced on the models topic")
    Path currentModel;

    @Option(names = "--every", paramLabel = "DURATION", description = "Retrain periodically, e.g. 6h (also collects the harvest)")
    String every;

    @Option(names = "--new-crops", defaultValue = "0", paramLabel = "N",
            description = "Retrain when N new crops have been stored (also collects the harvest)")
    long newCrops;

    @Override
    public Integer call() throws Exception {
        TrainJobSettings settings = settings();
        boolean scheduled = every != null || newCrops > 0;
        if (noAnnounce && scheduled) {
            throw new IllegalArgumentException("--no-announce is for one job; a schedule collects and announces on Kafka");
        }
        if (out != null && scheduled) {
            throw new IllegalArgumentException("--out is for one job; a schedule writes each candidate under --workdir");
        }
        // A dry run needs no Kafka: it compares with --current or the built-in model.
        Topics topics = noAnnounce ? null : kafka.ensureTopics();
        ModelRegistry registry = noAnnounce ? null : new ModelRegistry(kafka.connection(), topics.models().name());
        ModelAnnouncer announcer = noAnnounce
                ? (name, version, uri, sha, metrics) -> System.out.println("train: --no-announce: would announce " + version)
                : (name, version, uri, sha, metrics) -> registry.announce(name, version, uri, sha, metrics);
        TrainJob job = new TrainJob(settings, workdir, announcer, Clock.systemUTC(), line -> System.out.println("train: " + line));
        try (CropStore crops = store.open()) {
            if (!scheduled) {
                TrainJob.Result result = job.run(crops, current(registry));
                if (out != null) {
                    if (out.toAbsolutePath().getParent() != null) {
                        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
                    }
                    java.nio.file.Files.copy(result.model(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    System.out.println("train: candidate written to " + out);
                }
                return 0;
            }
            TrainSchedule schedule = new TrainSchedule(every == null ? null : TrainSchedule.parseDuration(every), newCrops);
            StageLoop collector = Stages.cropCollector(kafka.connection(), topics, crops);
            Thread worker = new Thread(collector, "crops");
            ManagementServer server = management.start("train", ManagementOptions.CROPS,
                    new Health(worker::isAlive, collector::ready), management.access());
            worker.start();
            AtomicBoolean stop = new AtomicBoolean();
            Thread jobs = new Thread(() -> periodic(job, crops, registry, schedule, stop), "train");
            jobs.start();
            System.out.println("train: collecting harvest into " + store.dir + " and retraining on schedule; Ctrl-C stops");
            Shutdown.awaitSignal(() -> {
                stop.set(true);
                jobs.interrupt();
                collector.close();
                try {
                    worker.join(10_000);
                    jobs.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (server != null) {
                    server.close();
                }
            });
            return 0;
        }
    }

    private void periodic(TrainJob job, CropStore crops, ModelRegistry registry, TrainSchedule schedule, AtomicBoolean stop) {
        while (!stop.get()) {
            long count = crops.stats().crops();
            String reason = schedule.due(java.time.Instant.now(), count);
            if (reason != null) {
                schedule.ran(java.time.Instant.now(), count);
                System.out.println("train: job starts (" + reason + ")");
                try {
                    job.run(crops, current(registry));
                } catch (Exception e) {
                    // a failed job (too few crops yet, say) waits for the next turn; the collector goes on
                    System.out.println("train: job failed: " + e.getMessage());
                }
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<Contender> current(ModelRegistry registry) throws java.io.IOException {
        if (currentModel != null) {
            return Optional.of(Contender.file(currentModel, currentModel.toAbsolutePath().toUri().toString()));
        }
        if (registry == null) {
            return Optional.empty();
        }
        Optional<ModelAnnouncement> latest = registry.latest(modelName);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Contender.announced(latest.get(), new ModelFetcher()));
    }

    TrainJobSettings settings() {
        String[] pk = batch.toLowerCase(Locale.ROOT).split("x");
        if (pk.length != 2) {
            throw new IllegalArgumentException("--batch must be PxK such as 16x4, got " + batch);
        }
        TrainSettings training = TrainSettings.DEFAULTS.withEpochs(epochs)
                .withSampler(TrainSettings.Sampler.valueOf(choice("--sampler", sampler, "graph", "pk")))
                .withLabels(TrainSettings.Labels.valueOf(choice("--labels", labels, "identity", "clusters")))
                .withBatch(Integer.parseInt(pk[0].trim()), Integer.parseInt(pk[1].trim()))
                .withSeed(seed).withThreads(threads).withLearningRate(lr).withAugmentation(Augmentation.parse(augment));
        NetShape shape = choice("--backbone", backbone, "builtin", "mobilenetv2").equals("BUILTIN") ? NetShape.DEFAULT
                : NetShape.MOBILENET_V2;
        return new TrainJobSettings(modelName, training, shape, PseudoLabels.Settings.DEFAULTS.withEps(eps),
                new HeldOutSplit.Rule(heldOut, HeldOutSplit.Rule.defaults().seed()), margin);
    }

    private static String choice(String option, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a.toUpperCase(Locale.ROOT);
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", got " + value);
    }
}
