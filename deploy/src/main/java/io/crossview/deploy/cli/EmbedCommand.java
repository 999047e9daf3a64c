package io.crossview.deploy.cli;

import io.crossview.deploy.stages.Stages;
import io.crossview.embedder.EmbedderConfig;
import io.crossview.embedder.registry.ModelSources;
import io.crossview.embedder.runtime.Provider;
import io.crossview.embedder.runtime.RuntimeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview embed}: computes re-ID embeddings of `detections` into `embeddings`. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Run the re-ID embedding stage. Settings come from --config (YAML), then the options below.",
            "Models announced on the models topic (crossview models publish) are swapped in between batches."})
public final class EmbedCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ManagementOptions management;

    @Option(names = "--config", paramLabel = "FILE", description = "Embedder YAML (model, provider, device, intra_op_threads, max_batch, max_wait_ms, crops_every, model_name, watch_models, model_sources)")
    Path config;

    @Option(names = "--model", paramLabel = "M.onnx", description = "Re-ID ONNX model (default: the built-in appearance model)")
    Path model;

    @Option(names = "--provider", paramLabel = "auto|cuda|cpu", description = "Execution provider (default: auto, CUDA when present)")
    String provider;

    @Option(names = "--device", paramLabel = "N", description = "CUDA device (default: 0)")
    Integer device;

    @Option(names = "--intra-op-threads", paramLabel = "N", description = "ONNX Runtime threads per operator (default: 1)")
    Integer threads;

    @Option(names = "--max-batch", paramLabel = "CROPS", description = "Crops per model run (default: 32)")
    Integer maxBatch;

    @Option(names = "--max-wait-ms", paramLabel = "MS", description = "How long a message may wait for others to batch with (default: 20)")
    Long maxWaitMs;

    @Option(names = "--crops-every", paramLabel = "FRAMES",
            description = "Forward the crops of every FRAMES-th frame for harvesting training crops; 0: never (default: 5)")
    Integer cropsEvery;

    @Option(names = "--no-watch", description = "Ignore models announced on the models topic")
    boolean noWatch;

    @Option(names = "--model-source", paramLabel = "LOCATION",
            description = "Where announced models may be fetched from: a folder, file:/DIR/ or https://HOST/PATH/"
                    + " (repeatable; replaces model_sources; default: any local file, no http)")
    List<String> modelSources;

    @Override
    public Integer call() throws Exception {
        EmbedderConfig settings = config != null ? EmbedderConfig.load(config) : EmbedderConfig.defaults();
        if (model != null) {
            settings = settings.withModel(model);
        }
        RuntimeOptions r = settings.runtime();
        settings = settings.withRuntime(new RuntimeOptions(threads != null ? threads : r.intraOpThreads(),
                provider != null ? Provider.parse(provider) : r.provider(), device != null ? device : r.device()));
        settings = settings.withBatching(maxBatch != null ? maxBatch : settings.maxBatch(),
                maxWaitMs != null ? maxWaitMs : settings.maxWaitMs());
        if (cropsEvery != null) {
            settings = settings.withCropsEvery(cropsEvery);
        }
        if (modelSources != null) {
            settings = settings.withModelSources(new ModelSources(modelSources));
        }
        if (noWatch) {
            settings = settings.withWatching(false);
        }
        EmbedderConfig configured = settings;
        return StageCommand.runUntilSignal("embed", management, ManagementOptions.EMBED,
                () -> Stages.embedder(kafka.connection(), kafka.ensureTopics(), configured));
    }
}
