package io.crossview.ingest.publish;

import java.io.IOException;

/** How a published frame gets its sequence number. */
@FunctionalInterface
public interface Numbering {
    /**
     * The source's own frame numbers: what evaluation runs in a fresh namespace need, so that
     * results line up with ground truth frame by frame.
     */
    Numbering FRAME_NUMBERS = (camera, frameNumber) -> frameNumber;

    long seq(String camera, long frameNumber) throws IOException;
}
