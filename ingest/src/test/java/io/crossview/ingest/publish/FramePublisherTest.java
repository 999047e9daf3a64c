package io.crossview.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crossview.common.image.Jpeg;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Frame;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.FfmpegSource;
import io.crossview.ingest.testing.PatternSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class FramePublisherTest {
    @Test
    void eachSourcePictureBecomesOneJpegFramePerCameraInOrder() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        FramePublisher publisher = new FramePublisher(producer, new Topics("t."), 90);
        long sourceFrames;
        try (FfmpegSource source = FfmpegSource.open(SampleVideo.vtest(), 5)) {
            sourceFrames = publisher.publishAll(source, List.of(CameraView.halves("left", "right", "hall")),
                    new FrameRange(100, 10));
        }
        assertEquals(5, sourceFrames);
        assertEquals(10, publisher.published());
        var sent = producer.history();
        assertEquals(10, sent.size());
        for (int i = 0; i < sent.size(); i++) {
            var record = sent.get(i);
            String camera = i % 2 == 0 ? "left" : "right";
            assertEquals("t.frames", record.topic());
            assertEquals(camera, new String(record.key(), StandardCharsets.UTF_8));
            Frame frame = WireSerdes.FRAME.deserialize(record.topic(), record.value());
            assertEquals(camera, frame.getRef().getCamera());
            assertEquals("hall", frame.getRef().getSite());
            assertEquals(100 + 2 * (i / 2), frame.getRef().getSeq());
            assertEquals(384, frame.getRef().getWidth());
            try (Mat picture = Jpeg.decode(frame.getJpeg().toByteArray())) {
                assertEquals(384, picture.cols());
                assertEquals(576, picture.rows());
            }
        }
        long first = WireSerdes.FRAME.deserialize("t.frames", sent.get(0).value()).getRef().getCaptureMs();
        long next = WireSerdes.FRAME.deserialize("t.frames", sent.get(2).value()).getRef().getCaptureMs();
        assertEquals(200, next - first, "capture times keep the video's spacing");
    }

    @Test
    void aPictureLargerThanTheCameraLimitIsScaledDownWithItsGroundTruth() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        FramePublisher publisher = new FramePublisher(producer, new Topics(""), 90);
        try (var source = PatternSource.open(PatternSource.url("cam2", 20, 10, 640, 480), 10)) {
            publisher.publishAll(List.of(new SourceFeed(source, List.of(CameraView.whole("cam2", "s")),
                    new FrameRange(10, 1), new FrameEncoding(80, 320, 0))));
            Frame frame = WireSerdes.FRAME.deserialize("frames", producer.history().get(0).value());
            assertEquals(320, frame.getRef().getWidth());
            assertEquals(240, frame.getRef().getHeight());
            try (Mat picture = Jpeg.decode(frame.getJpeg().toByteArray())) {
                assertEquals(320, picture.cols());
                assertEquals(240, picture.rows());
            }
            var truth = source.groundTruth(10);
            assertEquals(truth.size(), frame.getGroundTruthCount());
            for (int i = 0; i < truth.size(); i++) {
                assertEquals(truth.get(i).getX() / 2, frame.getGroundTruth(i).getX(), 1e-3);
                assertEquals(truth.get(i).getH() / 2, frame.getGroundTruth(i).getH(), 1e-3);
            }
        }
    }

    @Test
    void limitsFitBothSidesKeepingTheAspectRatio() {
        assertEquals(0.5, new FrameEncoding(0, 320, 0).scaleFor(640, 480), 1e-12);
        assertEquals(0.25, new FrameEncoding(0, 320, 120).scaleFor(640, 480), 1e-12);
        assertEquals(1.0, new FrameEncoding(0, 1920, 1080).scaleFor(640, 480), 1e-12);
        assertEquals(1.0, FrameEncoding.DEFAULT.scaleFor(4000, 3000), 1e-12);
    }
}
