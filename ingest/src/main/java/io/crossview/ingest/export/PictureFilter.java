package io.crossview.ingest.export;

import org.bytedeco.opencv.opencv_core.Mat;

/** Changes each decoded picture in place before it is encoded, as blurring people does. */
@FunctionalInterface
public interface PictureFilter {
    PictureFilter NONE = picture -> { };

    void apply(Mat bgr) throws Exception;
}
