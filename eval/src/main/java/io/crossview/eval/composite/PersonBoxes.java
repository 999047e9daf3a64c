package io.crossview.eval.composite;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Where the people are in one frame of the source video. The command passes the built-in
 * NanoDet in; tests pass the boxes of the figures they drew, so the cutter needs no model.
 */
@FunctionalInterface
public interface PersonBoxes {
    /**
     * People in frame {@code index} (0-based) of the source; {@code bgr} stays the caller's and
     * is reused for the next frame.
     */
    List<Box> find(int index, Mat bgr);
}
