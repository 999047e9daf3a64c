package io.crossview.detector;

import io.crossview.common.wire.Frame;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds people in one BGR picture; implementations own their native model. */
public interface PersonDetector extends AutoCloseable {
    /**
     * People in {@code bgr}, best score first, in the picture's own pixel coordinates and
     * clipped to it. The picture stays owned by the caller.
     */
    List<PersonBox> detect(Mat bgr);

    /** Detectors that need more than the picture (the oracle reads the frame's ground truth) override this. */
    default List<PersonBox> detect(Mat bgr, Frame frame) {
        return detect(bgr);
    }

    @Override
    void close();
}
