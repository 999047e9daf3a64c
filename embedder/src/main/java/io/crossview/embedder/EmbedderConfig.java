package io.crossview.embedder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.common.config.YamlFile;
import io.crossview.embedder.registry.ModelSources;
import io.crossview.embedder.runtime.Provider;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.embedder.runtime.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the embedder stage, from YAML ({@code embedder.yaml}) with defaults; the
 * command line overrides them.
 *
 * @param modelPath   an ONNX re-ID model file, or null for the built-in appearance model
 * @param modelName   the name this embedder follows on the {@code models} topic
 * @param watchModels swap in models announced on the {@code models} topic
 * @param maxBatch    crops per model run; the crops of many messages share one run
 * @param maxWaitMs   how long the first message of a batch may wait for others
 * @param cropsEvery  frames whose sequence number is a multiple of this forward their crops
 *                    to the matcher for harvesting training data; 0 never does
 * @param modelSources where announced models may be fetched from
 */
public record EmbedderConfig(Path modelPath, String modelName, boolean watchModels, RuntimeOptions runtime,
                             int maxBatch, long maxWaitMs, int cropsEvery, ModelSources modelSources) {
    public static final int DEFAULT_INTRA_OP_THREADS = 1;
    public static final String DEFAULT_MODEL_NAME = "reid";
    public static final int DEFAULT_CROPS_EVERY = 5;

    public EmbedderConfig {
        if (modelPath != null && modelPath.toString().isBlank()) {
            throw new IllegalArgumentException("embedder model path is blank: leave it out for the built-in model");
        }
        modelName = modelName == null || modelName.isBlank() ? DEFAULT_MODEL_NAME : modelName;
        runtime = runtime == null ? RuntimeOptions.DEFAULT : runtime;
        modelSources = modelSources == null ? ModelSources.LOCAL_FILES : modelSources;
        if (maxBatch < 1 || maxBatch > 4096) {
            throw new IllegalArgumentException("embedder max_batch must be 1..4096, got " + maxBatch);
        }
        if (maxWaitMs < 0 || maxWaitMs > 10_000) {
            throw new IllegalArgumentException("embedder max_wait_ms must be 0..10000, got " + maxWaitMs);
        }
        if (cropsEvery < 0) {
            throw new IllegalArgumentException("embedder crops_every must be >= 0 (0: never), got " + cropsEvery);
        }
    }

    public static EmbedderConfig defaults() {
        return new EmbedderConfig(null, DEFAULT_MODEL_NAME, true, RuntimeOptions.DEFAULT, 32, 20, DEFAULT_CROPS_EVERY,
                ModelSources.LOCAL_FILES);
    }

    @JsonCreator
    static EmbedderConfig fromYaml(@JsonProperty("model") String model, @JsonProperty("model_name") String modelName,
                                   @JsonProperty("watch_models") Boolean watchModels,
                                   @JsonProperty("provider") String provider, @JsonProperty("device") Integer device,
                                   @JsonProperty("intra_op_threads") Integer threads,
                                   @JsonProperty("max_batch") Integer maxBatch, @JsonProperty("max_wait_ms") Long maxWaitMs,
                                   @JsonProperty("crops_every") Integer cropsEvery,
                                   @JsonProperty("model_sources") List<String> modelSources) {
        EmbedderConfig d = defaults();
        return new EmbedderConfig(model == null ? null : Path.of(model), modelName,
                watchModels == null ? d.watchModels : watchModels,
                new RuntimeOptions(threads == null ? DEFAULT_INTRA_OP_THREADS : threads,
                        provider == null ? Provider.AUTO : Provider.parse(provider), device == null ? 0 : device),
                maxBatch == null ? d.maxBatch : maxBatch, maxWaitMs == null ? d.maxWaitMs : maxWaitMs,
                cropsEvery == null ? d.cropsEvery : cropsEvery,
                modelSources == null ? d.modelSources : new ModelSources(modelSources));
    }

    /** Reads an embedder YAML file; a bad file is one IOException line naming it. */
    public static EmbedderConfig load(Path file) throws IOException {
        EmbedderConfig config = YamlFile.read(file, EmbedderConfig.class, "embedder config");
        return config == null ? defaults() : config;
    }

    public EmbedderConfig withModel(Path path) {
        return new EmbedderConfig(path, modelName, watchModels, runtime, maxBatch, maxWaitMs, cropsEvery, modelSources);
    }

    public EmbedderConfig withRuntime(RuntimeOptions options) {
        return new EmbedderConfig(modelPath, modelName, watchModels, options, maxBatch, maxWaitMs, cropsEvery, modelSources);
    }

    public EmbedderConfig withBatching(int crops, long waitMs) {
        return new EmbedderConfig(modelPath, modelName, watchModels, runtime, crops, waitMs, cropsEvery, modelSources);
    }

    public EmbedderConfig withWatching(boolean watch) {
        return new EmbedderConfig(modelPath, modelName, watch, runtime, maxBatch, maxWaitMs, cropsEvery, modelSources);
    }

    public EmbedderConfig withCropsEvery(int frames) {
        return new EmbedderConfig(modelPath, modelName, watchModels, runtime, maxBatch, maxWaitMs, frames, modelSources);
    }

    public EmbedderConfig withModelSources(ModelSources sources) {
        return new EmbedderConfig(modelPath, modelName, watchModels, runtime, maxBatch, maxWaitMs, cropsEvery, sources);
    }

    public Optional<Path> model() {
        return Optional.ofNullable(modelPath);
    }

    /** The configured model, or the built-in one when no file is configured. */
    public ReidModel openModel() throws IOException {
        return modelPath == null ? ReidModel.builtin(runtime) : ReidModel.open(modelPath, runtime);
    }
}
