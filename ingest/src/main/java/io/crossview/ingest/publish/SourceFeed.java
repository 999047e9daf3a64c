package io.crossview.ingest.publish;

import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.FrameSource;
import java.util.List;

/** One source and the camera views cut from it, over a range of its frames. */
public record SourceFeed(FrameSource source, List<CameraView> views, FrameRange range) {
    public SourceFeed {
        if (source == null || views == null || views.isEmpty()) {
            throw new IllegalArgumentException("a feed needs a source and at least one camera view");
        }
        views = List.copyOf(views);
        range = range == null ? FrameRange.all() : range;
    }
}
