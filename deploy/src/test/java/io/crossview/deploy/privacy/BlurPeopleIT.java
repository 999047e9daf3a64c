package io.crossview.deploy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.models.NpmConfig;
import io.crossview.common.models.PretrainedModels;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.cli.CrossviewCli;
import io.crossview.detector.DetectorConfig;
import io.crossview.detector.DetectorStage;
import io.crossview.detector.PersonDetector;
import io.crossview.ingest.publish.FramePublisher;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FfmpegSource;
import io.crossview.ingest.source.FrameRange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crossview export --blur-people} on real people (vtest.avi through a real broker): in
 * the blurred video the detector that found them finds next to nobody, while the rest of the
 * scene is the same picture.
 */
@Tag("integration")
class BlurPeopleIT {
    private static final int FRAMES = 30;

    @TempDir
    Path dir;

    @Test
    void exportedWithBlurPeopleTheRealPeopleOfVtestAreNoLongerFoundAndTheSceneStays() throws Exception {
        Assumptions.assumeTrue(NpmConfig.system().reachable(PretrainedModels.NANODET.npmPackage())
                        || SampleVideo.defaultCacheDir().resolve("models/nanodet.onnx").toFile().isFile(),
                "skipped: the npm registry that ships NanoDet cannot be reached");
        Instant from = Instant.now().minusSeconds(5);
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            KafkaConnection kafka = broker.connection();
            Topics topics = new Topics("blur.");
            TopicAdmin.ensure(kafka, topics, 1, (short) 1);
            try (FfmpegSource source = FfmpegSource.open(SampleVideo.vtest(), 10);
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer("it-ingest"))) {
                new FramePublisher(producer, topics, 90).publishAll(source, List.of(CameraView.whole("hall", "default")),
                        new FrameRange(620, FRAMES));
            }
            Instant to = Instant.now().plusSeconds(86_400); // capture times run ahead by the clip's offset in the video
            Path plain = export(kafka, from, to, "plain.mp4");
            Path blurred = export(kafka, from, to, "blurred.mp4", "--blur-people");

            List<Mat> before = frames(plain);
            List<Mat> after = frames(blurred);
            assertEquals(FRAMES, before.size());
            assertEquals(FRAMES, after.size());
            int seen = 0;
            int seenBlurred = 0;
            double changed = 0;
            try (PersonDetector nanodet = DetectorStage.openDetector(DetectorConfig.defaults())) {
                for (int i = 0; i < FRAMES; i++) {
                    seen += nanodet.people(before.get(i)).size();
                    seenBlurred += nanodet.people(after.get(i)).size();
                    changed += changedFraction(before.get(i), after.get(i));
                }
            }
            System.out.printf("BlurPeopleIT: NanoDet finds %d people in %d frames of the plain export, %d in the blurred one;"
                    + " %.1f%% of the pixels changed%n", seen, FRAMES, seenBlurred, 100 * changed / FRAMES);
            assertTrue(seen >= 3 * FRAMES, "vtest's people are found in the plain export: " + seen);
            assertTrue(seenBlurred <= seen / 10, "found " + seenBlurred + " people after blurring, " + seen + " before");
            double meanChanged = changed / FRAMES;
            assertTrue(meanChanged > 0.01 && meanChanged < 0.25, "blurring changed the people, not the scene: "
                    + Math.round(meanChanged * 1000) / 10.0 + "% of the pixels");
            before.forEach(Mat::close);
            after.forEach(Mat::close);
        }
    }

    private Path export(KafkaConnection kafka, Instant from, Instant to, String name, String... extra) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("export", "--bootstrap", kafka.bootstrap(), "--prefix", "blur.",
                "--camera", "hall", "--from", from.toString(), "--to", to.toString(), "--out", out.toString(),
                "--quality", "2"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int rc = CrossviewCli.run(new PrintWriter(err, true), args.toArray(String[]::new));
        assertEquals(0, rc, err.toString());
        return out;
    }

    private static List<Mat> frames(Path video) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                frames.add(converter.convert(frame).clone());
            }
            grabber.stop();
        }
        return frames;
    }

    /** Share of pixels whose value moved by more than compression noise does. */
    private static double changedFraction(Mat a, Mat b) {
        try (Mat difference = new Mat(); Mat grey = new Mat(); Mat moved = new Mat();
             Scalar threshold = new Scalar(40, 40, 40, 0)) {
            opencv_core.absdiff(a, b, difference);
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(difference, grey,
                    org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
            org.bytedeco.opencv.global.opencv_imgproc.threshold(grey, moved, 40, 255,
                    org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY);
            return opencv_core.countNonZero(moved) / (double) (a.rows() * a.cols());
        }
    }
}
