package io.crossview.ingest.source;

import io.crossview.common.wire.Box;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Where pictures come from: a video file, a stream, or a registered source (such as the synthetic world). */
public interface FrameSource extends AutoCloseable {
    /** The next picture, or empty when the source has ended. The picture may be reused by the next call. */
    Optional<SourceFrame> next() throws IOException;

    int width();

    int height();

    double sourceFps();

    /** Source frames between two pictures handed out (1 when nothing is skipped). */
    int sampleStep();

    /** Frames the source declares, or -1 when it does not know. */
    long sourceFrames();

    /** The true person boxes of a frame where the source knows them (a synthetic one); else empty. */
    default List<Box> groundTruth(long frameNumber) {
        return List.of();
    }

    /** A printable name of the source, with any credentials masked. */
    String describe();

    @Override
    void close();
}
