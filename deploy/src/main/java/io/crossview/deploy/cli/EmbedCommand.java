package io.crossview.deploy.cli;

import io.crossview.deploy.stages.Stages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code crossview embed}: computes re-ID embeddings of `detections` into `embeddings`. */
@Command(name = "embed", mixinStandardHelpOptions = true, description = "Run the re-ID embedding stage.")
public final class EmbedCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        return StageCommand.runUntilSignal("embed", Stages.embedder(kafka.bootstrap, kafka.ensureTopics()));
    }
}
