package io.crossview.deploy.demo;

import io.crossview.deploy.cli.ExternalKafkaOptions;
import io.crossview.common.sample.SampleVideo;
import io.crossview.deploy.run.RunResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import io.crossview.deploy.cli.PipelineModels;
import io.crossview.deploy.cli.Shutdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview demo}: the whole pipeline in one process on a real two-camera video. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run every stage in one process on a real pedestrian video whose left and right halves "
                + "are two cameras, and write identity events and annotated frames.",
            "Without --video it uses vtest.avi from Debian's opencv-doc package (fetched once, then cached)."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    PipelineModels models;

    @Option(names = "--video", paramLabel = "PATH", description = "Video file to use instead of vtest.avi")
    Path video;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo",
            description = "Where identities.jsonl and annotated frames go (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    ExternalKafkaOptions cluster;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of every topic name (default: none)")
    String topicPrefix;

    @Option(names = "--fps", defaultValue = "5", description = "Frames per second taken from the video (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--max-frames", defaultValue = "0", description = "Stop after this many source frames (default: all)")
    long maxFrames;

    @Option(names = "--start-frame", defaultValue = "0", description = "Skip the source frames before this one (default: 0)")
    long startFrame;

    @Option(names = "--serve", paramLabel = "PORT",
            description = "Serve the web console (and /metrics, /health/live, /health/ready) on 127.0.0.1:PORT while the "
                    + "demo runs, and keep serving it after the run until Ctrl-C")
    Integer serve;

    @Override
    public Integer call() throws Exception {
        Path source = video != null ? video : SampleVideo.vtest();
        DemoSettings settings = new DemoSettings(source, out, cluster.external(), topicPrefix, fps, startFrame, maxFrames,
                models.detection("nanodet", null), models.reidModel());
        DemoPipeline demo = new DemoPipeline(settings, System.out);
        RunResult result = serve == null ? demo.run() : demo.run(serve, (url, done) -> {
            System.out.println(done.summaryLine("demo"));
            System.out.println("demo: the console stays at " + url + " until Ctrl-C");
            Shutdown.awaitSignal(() -> System.out.println("demo: stopping"));
        });
        if (serve == null) {
            System.out.println(result.summaryLine("demo"));
        }
        return 0;
    }
}
