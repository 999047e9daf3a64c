package io.crossview.deploy.demo;

import io.crossview.deploy.run.AnnotatedFrames;
import io.crossview.deploy.run.DetectionMode;
import io.crossview.deploy.run.PipelineRun;
import io.crossview.deploy.run.RunResult;
import io.crossview.deploy.run.RunSettings;
import io.crossview.deploy.run.Served;
import io.crossview.ingest.publish.SourceFeed;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.FfmpegSource;
import java.io.PrintStream;
import java.util.List;

/** The demo: one real video whose left and right halves are two adjacent cameras. */
public final class DemoPipeline {
    static final String SITE = "demo";
    private static final int ANNOTATED_FRAMES = 6;

    private final DemoSettings settings;
    private final PrintStream progress;

    public DemoPipeline(DemoSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public RunResult run() throws Exception {
        return run(-1, null);
    }

    /** The demo with its console on {@code consolePort} (0: a free one); {@code served} runs once it has drained. */
    public RunResult run(int consolePort, Served served) throws Exception {
        // Open the video first: a bad file stops the demo before anything starts.
        try (FfmpegSource source = FfmpegSource.open(settings.video(), settings.fps())) {
            progress.println("demo: video " + settings.video() + " (" + source.width() + "x" + source.height() + " at "
                    + Math.round(source.sourceFps()) + " fps, sampled at " + settings.fps() + " fps)");
            long span = settings.maxFrames() > 0 ? settings.maxFrames()
                    : Math.max(1, source.sourceFrames() - settings.startFrame());
            AnnotatedFrames toAnnotate = new AnnotatedFrames(settings.startFrame(), span, source.sampleStep(), ANNOTATED_FRAMES);
            SourceFeed feed = new SourceFeed(source, List.of(CameraView.halves("left", "right", SITE)),
                    new FrameRange(settings.startFrame(), settings.maxFrames()));
            RunSettings run = new RunSettings("demo", settings.out(), settings.kafka(), settings.topicPrefix(),
                    settings.detection(), ANNOTATED_FRAMES, false).withReidModel(settings.reidModel());
            PipelineRun pipeline = new PipelineRun(run, progress);
            return (served == null ? pipeline : pipeline.withConsole(consolePort, served)).run(List.of(feed), toAnnotate);
        }
    }
}
