package io.crossview.ingest.publish;

import io.crossview.common.topics.Topics;
import io.crossview.common.wire.Frame;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.SourceFrame;
import io.crossview.ingest.source.FrameSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cuts each source picture into its camera views and publishes them to `frames`. */
public final class FramePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(FramePublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final int jpegQuality;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final FrameEncoder encoder = new FrameEncoder(new StageTimes());

    private final Numbering numbering;

    /** Frames numbered by their source frame number, as evaluation runs need. */
    public FramePublisher(Producer<byte[], byte[]> producer, Topics topics, int jpegQuality) {
        this(producer, topics, jpegQuality, Numbering.FRAME_NUMBERS);
    }

    public FramePublisher(Producer<byte[], byte[]> producer, Topics topics, int jpegQuality, Numbering numbering) {
        this.producer = producer;
        this.topics = topics;
        this.jpegQuality = jpegQuality;
        this.numbering = numbering;
    }

    /** Publishes one source to its end; see {@link #publishAll(List)}. */
    public long publishAll(FrameSource source, List<CameraView> views, FrameRange range) throws IOException {
        return publishAll(List.of(new SourceFeed(source, views, range)));
    }

    /**
     * Publishes every feed to its end, interleaved by source time so that frames of all
     * cameras enter Kafka in capture order, as live cameras would. Sources are read as fast
     * as they decode; capture time is the wall clock at start plus the source timeline.
     *
     * @return source frames published, over all feeds
     */
    public long publishAll(List<SourceFeed> feeds) throws IOException {
        return publishAll(feeds, false);
    }

    /**
     * As {@link #publishAll(List)}; with {@code realtime} each frame waits for its capture
     * time, so the sources behave like live cameras (what latency measurements need).
     */
    public long publishAll(List<SourceFeed> feeds, boolean realtime) throws IOException {
        long startWallMs = System.currentTimeMillis();
        List<SourceFrame> pending = new ArrayList<>();
        for (SourceFeed feed : feeds) {
            pending.add(nextInRange(feed));
        }
        long frames = 0;
        while (true) {
            int earliest = -1;
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i) != null
                        && (earliest < 0 || pending.get(i).sourcePtsMs() < pending.get(earliest).sourcePtsMs())) {
                    earliest = i;
                }
            }
            if (earliest < 0) {
                break;
            }
            SourceFeed feed = feeds.get(earliest);
            SourceFrame frame = pending.get(earliest);
            if (realtime) {
                waitUntil(startWallMs + frame.sourcePtsMs());
            }
            publish(frame, feed.source(), feed.views(), startWallMs + frame.sourcePtsMs(), feed.encoding());
            frames++;
            // Only now may the source reuse the picture it handed out.
            pending.set(earliest, nextInRange(feed));
        }
        producer.flush();
        return frames;
    }

    private static void waitUntil(long wallMs) throws IOException {
        long delay = wallMs - System.currentTimeMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while pacing frames", e);
            }
        }
    }

    private static SourceFrame nextInRange(SourceFeed feed) throws IOException {
        while (true) {
            var next = feed.source().next();
            if (next.isEmpty() || feed.range().isAfter(next.get().frameNumber())) {
                return null;
            }
            if (feed.range().contains(next.get().frameNumber())) {
                return next.get();
            }
        }
    }

    /** Publishes one picture as one frame per view. */
    public void publish(SourceFrame sourceFrame, FrameSource source, List<CameraView> views, long captureMs,
                        FrameEncoding encoding) throws IOException {
        int quality = encoding.jpegQuality() > 0 ? encoding.jpegQuality() : jpegQuality;
        for (CameraView view : views) {
            Frame frame = encoder.encode(sourceFrame, source, view, encoding, quality,
                    numbering.seq(view.id(), sourceFrame.frameNumber()), captureMs);
            // The record timestamp is the capture time, so a time range of the recording is
            // found with offsetsForTimes and replayed frames keep their time.
            producer.send(new ProducerRecord<>(topics.frames().name(), null, captureMs,
                    view.id().getBytes(StandardCharsets.UTF_8), frame.toByteArray()), this::delivered);
            published.incrementAndGet();
        }
    }

    private void delivered(RecordMetadata metadata, Exception error) {
        if (error == null) {
            acknowledged.incrementAndGet();
        } else if (failed.incrementAndGet() % 100 == 1) {
            // the producer retried for its whole delivery timeout: Kafka is out of reach or refuses
            LOG.warn("{} frames not acknowledged by Kafka so far, lost: {}", failed.get(), error.toString());
        }
    }

    /** Camera frames Kafka has acknowledged (all in-sync replicas have them). */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Camera frames Kafka did not take within the producer's delivery timeout. */
    public long failed() {
        return failed.get();
    }

    /** Camera frames sent so far (one source picture makes one per view). */
    public long published() {
        return published.get();
    }
}
