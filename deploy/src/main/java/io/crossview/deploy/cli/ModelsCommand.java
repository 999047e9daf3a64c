package io.crossview.deploy.cli;

import io.crossview.common.topics.Topics;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.embedder.EmbedderConfig;
import io.crossview.embedder.registry.ModelRegistry;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.embedder.runtime.RuntimeOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview models}: the model registry on the compacted models topic. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "The model registry (the models topic).",
        subcommands = ModelsCommand.Publish.class)
public final class ModelsCommand {

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
            ModelAnnouncement announcement = new ModelRegistry(kafka.bootstrap, topics.models().name())
                    .announce(name, version, uri != null ? uri : file.toAbsolutePath().toString(), sha256, metrics);
            System.out.println("models: announced " + version + " as '" + name + "' on " + topics.models().name()
                    + " (" + announcement.getUri() + ", sha256 " + sha256 + ")");
            return 0;
        }
    }
}
