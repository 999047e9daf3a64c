package io.crossview.deploy.cli;

import io.crossview.deploy.stages.Stages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code crossview detect}: finds people in `frames` and publishes `detections`. */
@Command(name = "detect", mixinStandardHelpOptions = true, description = "Run the person detector stage.")
public final class DetectCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        return StageCommand.runUntilSignal("detect", Stages.detector(kafka.bootstrap, kafka.ensureTopics()));
    }
}
