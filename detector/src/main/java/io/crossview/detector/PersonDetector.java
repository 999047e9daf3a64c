package io.crossview.detector;

import io.crossview.common.wire.Frame;
import java.util.ArrayList;
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

    /**
     * The score from which a box is a person, with a crop to embed; boxes below it are weak ones
     * kept for the tracker to continue its tracks with. Every box, for detectors that keep none.
     */
    default double cropScore() {
        return Double.NEGATIVE_INFINITY;
    }

    /** The people in {@code bgr}: {@link #detect(Mat)} without the weak boxes. */
    default List<PersonBox> people(Mat bgr) {
        double from = cropScore();
        return detect(bgr).stream().filter(b -> b.score() >= from).toList();
    }

    /** A readable name of a class id the detector reports: COCO's "person" for 0. */
    default String label(int classId) {
        return classId == 0 ? "person" : "class" + classId;
    }

    /**
     * The largest number of pictures {@link #detectBatch} runs together with a gain; 1 for
     * detectors that see one picture at a time (HOG).
     */
    default int maxBatch() {
        return 1;
    }

    /**
     * People in each picture, in the pictures' order; the same boxes as {@link #detect(Mat, Frame)}
     * picture by picture. Detectors whose model takes a batch dimension override this to run once.
     */
    default List<List<PersonBox>> detectBatch(List<Mat> pictures, List<Frame> frames) {
        if (pictures.size() != frames.size()) {
            throw new IllegalArgumentException(pictures.size() + " pictures but " + frames.size() + " frames");
        }
        List<List<PersonBox>> out = new ArrayList<>(pictures.size());
        for (int i = 0; i < pictures.size(); i++) {
            out.add(detect(pictures.get(i), frames.get(i)));
        }
        return out;
    }

    @Override
    void close();
}
