package io.crossview.deploy.cli;

import io.crossview.common.kafka.KafkaClients;
import io.crossview.common.sample.SampleVideo;
import io.crossview.deploy.run.Feeds;
import io.crossview.ingest.config.CamerasFile;
import io.crossview.ingest.publish.FramePublisher;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.FfmpegSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview ingest}: publishes a video file to `frames`, as one camera or two halves. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Publish a video file to the frames topic.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--cameras", paramLabel = "FILE", description = "Cameras YAML: every enabled camera is published")
    Path cameras;

    @Option(names = "--video", paramLabel = "PATH", description = "One video file (default without --cameras: vtest.avi from opencv-doc)")
    Path video;

    @Option(names = "--camera", defaultValue = "cam1", description = "Camera id for a whole-picture source (default: ${DEFAULT-VALUE})")
    String camera;

    @Option(names = "--split-halves", description = "Publish the left and right halves as cameras 'left' and 'right'")
    boolean splitHalves;

    @Option(names = "--site", defaultValue = "default", description = "Site of the cameras (default: ${DEFAULT-VALUE})")
    String site;

    @Option(names = "--fps", defaultValue = "5", description = "Frames per second to sample (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--jpeg-quality", defaultValue = "90", description = "JPEG quality 1-100 (default: ${DEFAULT-VALUE})")
    int jpegQuality;

    @Override
    public Integer call() throws Exception {
        if (cameras != null) {
            return publishCameras();
        }
        Path path = video != null ? video : SampleVideo.vtest();
        List<CameraView> views = splitHalves ? List.of(CameraView.halves("left", "right", site))
                : List.of(CameraView.whole(camera, site));
        try (FfmpegSource source = FfmpegSource.open(path, fps);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.producer(kafka.bootstrap, "ingest"))) {
            FramePublisher publisher = new FramePublisher(producer, kafka.ensureTopics(), jpegQuality);
            long frames = publisher.publishAll(source, views, FrameRange.all());
            System.out.println("ingest: published " + publisher.published() + " camera frames from " + frames
                    + " source frames of " + path + " to " + kafka.topics().frames().name());
        }
        return 0;
    }

    private int publishCameras() throws Exception {
        try (Feeds feeds = Feeds.open(CamerasFile.load(cameras));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.producer(kafka.bootstrap, "ingest"))) {
            FramePublisher publisher = new FramePublisher(producer, kafka.ensureTopics(), jpegQuality);
            long frames = publisher.publishAll(feeds.list());
            System.out.println("ingest: published " + publisher.published() + " camera frames (" + frames
                    + " source frames) of " + feeds.list().size() + " cameras to " + kafka.topics().frames().name());
        }
        return 0;
    }
}
