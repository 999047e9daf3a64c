package io.crossview.ingest.publish;

import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameRange;
import io.crossview.ingest.source.FrameSource;
import java.util.List;

/**
 * One source and the camera views cut from it, over a range of its frames.
 *
 * @param jpegQuality quality of its frames' JPEG, 0 for the publisher's default
 */
public record SourceFeed(FrameSource source, List<CameraView> views, FrameRange range, int jpegQuality) {
    public SourceFeed(FrameSource source, List<CameraView> views, FrameRange range) {
        this(source, views, range, 0);
    }

    public SourceFeed {
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100 (0: default), got " + jpegQuality);
        }
        if (source == null || views == null || views.isEmpty()) {
            throw new IllegalArgumentException("a feed needs a source and at least one camera view");
        }
        views = List.copyOf(views);
        range = range == null ? FrameRange.all() : range;
    }
}
