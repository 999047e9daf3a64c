package io.crossview.ingest.publish;

import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.FrameSource;
import java.util.List;

/** One source and the camera views cut from it, over a range of its frames, and how they are encoded. */
public record SourceFeed(FrameSource source, List<CameraView> views, FrameRange range, FrameEncoding encoding) {
    public SourceFeed(FrameSource source, List<CameraView> views, FrameRange range) {
        this(source, views, range, FrameEncoding.DEFAULT);
    }

    public SourceFeed {
        encoding = encoding == null ? FrameEncoding.DEFAULT : encoding;
        if (source == null || views == null || views.isEmpty()) {
            throw new IllegalArgumentException("a feed needs a source and at least one camera view");
        }
        views = List.copyOf(views);
        range = range == null ? FrameRange.all() : range;
    }
}
