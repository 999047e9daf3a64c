package io.crossview.deploy.run;

import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.publish.FrameEncoding;
import io.crossview.ingest.publish.SourceFeed;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.Sources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The feeds of a cameras file: one source per camera, each seen whole. Closing closes the sources. */
public final class Feeds implements AutoCloseable {
    private final List<SourceFeed> feeds;

    private Feeds(List<SourceFeed> feeds) {
        this.feeds = feeds;
    }

    /** Opens every camera's source; if one fails, the ones already open are closed. */
    public static Feeds open(List<CameraConfig> cameras) throws IOException {
        List<SourceFeed> opened = new ArrayList<>();
        try {
            for (CameraConfig camera : cameras) {
                FrameSource source = Sources.open(camera);
                opened.add(new SourceFeed(source, List.of(CameraView.whole(camera.id(), camera.site())), FrameRange.all(),
                        new FrameEncoding(camera.jpegQuality(), camera.maxWidth(), camera.maxHeight())));
            }
        } catch (IOException | RuntimeException e) {
            opened.forEach(feed -> feed.source().close());
            throw e;
        }
        return new Feeds(opened);
    }

    public List<SourceFeed> list() {
        return feeds;
    }

    /** Frames to annotate per camera, spread over the longest source. */
    public AnnotatedFrames annotations(int count) {
        long span = feeds.stream().mapToLong(f -> f.source().sourceFrames()).max().orElse(1);
        int step = feeds.stream().mapToInt(f -> f.source().sampleStep()).min().orElse(1);
        return new AnnotatedFrames(0, Math.max(1, span), step, Math.max(1, count));
    }

    @Override
    public void close() {
        feeds.forEach(feed -> feed.source().close());
    }
}
