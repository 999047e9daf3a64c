package io.crossview.ingest.publish;

import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.SourceInfo;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.SourceFrame;
import io.crossview.ingest.source.VideoFileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** Cuts each source picture into its camera views and publishes them to `frames`. */
public final class FramePublisher {
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final int jpegQuality;
    private final AtomicLong published = new AtomicLong();

    public FramePublisher(Producer<byte[], byte[]> producer, Topics topics, int jpegQuality) {
        this.producer = producer;
        this.topics = topics;
        this.jpegQuality = jpegQuality;
    }

    /**
     * Publishes the whole source. File sources are read as fast as they decode; capture times
     * are the wall clock at start plus the source timeline, so time between frames stays real.
     */
    public long publishAll(VideoFileSource source, List<CameraView> views, FrameRange range) throws IOException {
        long startWallMs = System.currentTimeMillis();
        long frames = 0;
        var next = source.next();
        while (next.isPresent() && !range.isAfter(next.get().frameNumber())) {
            if (range.contains(next.get().frameNumber())) {
                publish(next.get(), source, views, startWallMs + next.get().sourcePtsMs());
                frames++;
            }
            next = source.next();
        }
        producer.flush();
        return frames;
    }

    void publish(SourceFrame sourceFrame, VideoFileSource source, List<CameraView> views, long captureMs) {
        Mat picture = sourceFrame.bgr();
        for (CameraView view : views) {
            int[] r = view.pixels(picture.cols(), picture.rows());
            byte[] jpeg;
            try (Rect rect = new Rect(r[0], r[1], r[2], r[3]); Mat region = new Mat(picture, rect)) {
                jpeg = Jpeg.encode(region, jpegQuality);
            }
            Frame frame = Frame.newBuilder()
                    .setSchemaVersion(WireSchema.VERSION)
                    .setRef(FrameRef.newBuilder()
                            .setCamera(view.id())
                            .setSite(view.site())
                            .setSeq(sourceFrame.frameNumber())
                            .setCaptureMs(captureMs)
                            .setWidth(r[2])
                            .setHeight(r[3]))
                    .setJpeg(ByteString.copyFrom(jpeg))
                    .setSource(SourceInfo.newBuilder()
                            .setUri(source.path().toString())
                            .setSourcePtsMs(sourceFrame.sourcePtsMs())
                            .setSourceFps(source.sourceFps()))
                    .build();
            producer.send(new ProducerRecord<>(topics.frames().name(),
                    view.id().getBytes(StandardCharsets.UTF_8), frame.toByteArray()));
            published.incrementAndGet();
        }
    }

    /** Camera frames sent so far (one source picture makes one per view). */
    public long published() {
        return published.get();
    }
}
