package io.crossview.ingest.source;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded picture from a source, with its position on the source's own timeline; the
 * frame number counts source frames, so sampling leaves gaps but numbers match the file.
 */
public record SourceFrame(Mat bgr, long sourcePtsMs, long frameNumber) {
}
