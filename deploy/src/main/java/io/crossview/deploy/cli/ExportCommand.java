package io.crossview.deploy.cli;

import io.crossview.common.topics.Topics;
import io.crossview.ingest.export.ExportRequest;
import io.crossview.ingest.export.ExportSummary;
import io.crossview.ingest.export.VideoCodec;
import io.crossview.ingest.export.VideoExporter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import io.crossview.deploy.privacy.PeopleBlurFilter;
import io.crossview.detector.DetectorConfigFile;
import picocli.CommandLine.Option;

/** {@code crossview export}: writes one camera's recorded frames in a time range to a video file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the recorded frames of one camera in a time range to a video file (.mp4, .mkv, .avi, .mov).")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions cluster;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "", description = "Topic prefix of the recording (default: none)")
    String prefix;

    @Option(names = "--camera", paramLabel = "ID", required = true, description = "Camera to export")
    String camera;

    @Option(names = "--from", paramLabel = "TIME", required = true, description = "First capture time")
    String from;

    @Option(names = "--to", paramLabel = "TIME", required = true, description = "Capture time to stop before")
    String to;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Video file; the extension picks the container")
    Path out;

    @Option(names = "--codec", defaultValue = "mpeg4", description = "mpeg4, h264 (openh264) or mjpeg (default: ${DEFAULT-VALUE})")
    String codec;

    @Option(names = "--fps", defaultValue = "0", description = "Frame rate of the video (default: estimated from capture times)")
    double fps;

    @Option(names = "--bitrate-kbps", defaultValue = "0", description = "Video bitrate (default: from the frame size and rate)")
    int bitrateKbps;

    @Option(names = "--quality", defaultValue = "0",
            description = "Constant quality instead of a bitrate: codec scale 1 (best) to 31, for mpeg4 and mjpeg")
    double quality;

    @Option(names = "--blur-people", description = "Find the people of every frame with a detector and blur them")
    boolean blurPeople;

    @Option(names = "--blur-detector", paramLabel = "DETECTOR", defaultValue = "nanodet",
            description = "With --blur-people: nanodet (default), hog, or a YOLO-family or NanoDet PATH.onnx")
    String blurDetector;

    @Override
    public Integer call() throws Exception {
        Topics topics = new Topics(prefix);
        Instant now = Instant.now();
        ExportRequest request = new ExportRequest(camera, ReplayCommand.time("--from", from, now),
                ReplayCommand.time("--to", to, now), out, VideoCodec.parse(codec), fps, bitrateKbps, quality);
        if (!blurPeople) {
            System.out.println(VideoExporter.export(cluster.connection(), topics.frames().name(), request).line());
            return 0;
        }
        try (PeopleBlurFilter blur = PeopleBlurFilter.open(DetectorConfigFile.named(blurDetector))) {
            ExportSummary summary = VideoExporter.export(cluster.connection(), topics.frames().name(), request, blur);
            System.out.println(summary.line() + "; " + blur.summary());
        }
        return 0;
    }
}
