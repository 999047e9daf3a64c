package io.crossview.deploy.synth;

import io.crossview.detector.PersonBox;
import io.crossview.detector.yolo.BuiltinNanodet;
import io.crossview.detector.yolo.YoloDetector;
import io.crossview.detector.yolo.YoloSettings;
import io.crossview.eval.composite.Box;
import io.crossview.eval.composite.PersonBoxes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The built-in NanoDet as the composite's person finder. One thread and no CUDA: the composite's
 * ground truth must come out the same from the same video on any machine, and a different
 * thread count or execution provider may move a box by a pixel.
 */
final class NanodetPeople implements PersonBoxes, AutoCloseable {
    private final YoloDetector detector;

    private NanodetPeople(YoloDetector detector) {
        this.detector = detector;
    }

    /** The cached model (fetched and converted on first use); one IOException line when it cannot be had. */
    static NanodetPeople open() throws IOException {
        try {
            return new NanodetPeople(YoloDetector.open(YoloSettings.nanodet().withModel(BuiltinNanodet.obtain())
                    .withRuntime(1, false)));
        } catch (IOException e) {
            throw new IOException("cannot cut people without the built-in NanoDet: " + e.getMessage(), e);
        }
    }

    String modelId() {
        return detector.modelId();
    }

    @Override
    public List<Box> find(int index, Mat bgr) {
        List<Box> out = new ArrayList<>();
        for (PersonBox b : detector.detect(bgr)) {
            out.add(new Box(b.x(), b.y(), b.width(), b.height()));
        }
        return out;
    }

    @Override
    public void close() {
        detector.close();
    }
}
