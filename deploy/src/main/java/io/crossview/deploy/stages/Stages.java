package io.crossview.deploy.stages;

import io.crossview.common.kafka.Batching;
import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.kafka.StageLoop;
import io.crossview.common.topics.Topics;
import io.crossview.detector.DetectorConfig;
import io.crossview.detector.DetectorStage;
import io.crossview.deploy.run.DetectionMode;
import io.crossview.embedder.EmbedderConfig;
import io.crossview.embedder.EmbedderStage;
import io.crossview.embedder.registry.ModelFetcher;
import io.crossview.embedder.registry.ModelSlot;
import io.crossview.embedder.registry.ModelWatcher;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.matcher.MatcherConfig;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.HarvestIntake;
import io.crossview.matcher.MatcherTopology;
import io.crossview.deploy.metrics.ProcessMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import org.apache.kafka.streams.KafkaStreams;

/** Builds each stage from its config; the CLI commands and the demo share these. */
public final class Stages {
    private Stages() {
    }

    public static StageLoop detector(KafkaConnection kafka, Topics topics) throws IOException {
        return detector(kafka, topics, DetectorConfig.defaults());
    }

    /**
     * The detector stage of a run: NanoDet, HOG or an ONNX file, or the labelled oracle over
     * synthetic ground truth. The caller owns it until it hands it to {@link #detector(KafkaConnection, Topics, DetectorStage)}.
     */
    public static DetectorStage detectorStage(Topics topics, DetectionMode mode) throws IOException {
        return mode.isOracle()
                ? DetectorStage.oracle(mode.oracle(), DetectorConfig.defaults().cropExtractor(), topics)
                : DetectorStage.create(mode.detector(), topics);
    }

    /** The loop that feeds {@code stage} frames; it owns the stage from here on. */
    public static StageLoop detector(KafkaConnection kafka, Topics topics, DetectorStage stage) {
        return loop(kafka, topics, stage);
    }

    /** The detector stage of a config: HOG, or its ONNX model fed batches of frames across cameras. */
    public static StageLoop detector(KafkaConnection kafka, Topics topics, DetectorConfig config) throws IOException {
        return loop(kafka, topics, DetectorStage.create(config, topics));
    }

    private static StageLoop loop(KafkaConnection kafka, Topics topics, DetectorStage stage) {
        return new StageLoop("detector", kafka, StageGroups.detector(topics), topics.frames().name(),
                topics.deadLetters(), (io.crossview.common.kafka.BatchHandler) stage, stage.batching(), stage)
                .meteredBy(ProcessMetrics.stage(true, stage::modelId));
    }

    public static StageLoop embedder(KafkaConnection kafka, Topics topics) throws IOException {
        return embedder(kafka, topics, EmbedderConfig.defaults());
    }

    /**
     * The embedder: the configured model in a slot that announced models replace between
     * batches (when watching), crops of many messages per model run.
     */
    public static StageLoop embedder(KafkaConnection kafka, Topics topics, EmbedderConfig config) throws IOException {
        ModelSlot slot = new ModelSlot(config.openModel());
        ModelWatcher watcher = config.watchModels()
                ? new ModelWatcher(kafka, topics.models().name(), config.modelName(), slot, new ModelFetcher(config.modelSources()),
                        bytes -> ReidModel.open(bytes, config.runtime()))
                : null;
        if (watcher != null) {
            Thread thread = new Thread(watcher, "model-watcher");
            thread.setDaemon(true);
            thread.start();
        }
        AutoCloseable owned = () -> {
            if (watcher != null) {
                watcher.close();
            }
            slot.close();
        };
        return new StageLoop("embedder", kafka, StageGroups.embedder(topics), topics.detections().name(),
                topics.deadLetters(), new EmbedderStage(slot, topics, config.maxBatch(), config.cropsEvery()),
                new Batching(config.maxBatch(), config.maxWaitMs()), owned)
                .meteredBy(ProcessMetrics.stage(true, () -> slot.current().version()));
    }

    /** The trainer's intake: the {@code harvest} topic into a crop store, which the loop then owns. */
    public static StageLoop cropCollector(KafkaConnection kafka, Topics topics, CropStore store) {
        return new StageLoop("crops", kafka, StageGroups.cropCollector(topics), topics.harvest().name(),
                topics.deadLetters(), new HarvestIntake(store, System::currentTimeMillis), store)
                .meteredBy(ProcessMetrics.stage(false, null));
    }

    /** The matcher, counting on this process's registry, its Kafka clients' metrics bound while it runs. */
    public static KafkaStreams matcher(KafkaConnection kafka, Topics topics, MatcherConfig config) {
        KafkaStreams streams = new KafkaStreams(MatcherTopology.build(topics, config, ProcessMetrics.matcher()),
                MatcherTopology.streamsConfig(kafka, topics, config));
        // a matcher lives as long as its process: its client meters are not unbound
        new KafkaStreamsMetrics(streams).bindTo(ProcessMetrics.registry());
        return streams;
    }
}
