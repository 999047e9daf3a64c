package io.crossview.detector.oracle;

import io.crossview.common.wire.Box;
import io.crossview.common.wire.Frame;
import io.crossview.detector.PersonBox;
import io.crossview.detector.PersonDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The labelled oracle mode: reports the ground-truth boxes a synthetic source attached to
 * the frame, with configurable jitter and misses. It measures tracking and linking apart
 * from detection quality; its results always carry the oracle's model id.
 */
public final class OracleDetector implements PersonDetector {
    private static final int MIN_SIDE = 4;

    private final OracleSettings settings;

    public OracleDetector(OracleSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PersonBox> detect(Mat bgr) {
        throw new UnsupportedOperationException("the oracle detector needs the frame's ground truth");
    }

    @Override
    public List<PersonBox> detect(Mat bgr, Frame frame) {
        List<PersonBox> out = new ArrayList<>();
        int index = 0;
        for (Box truth : frame.getGroundTruthList()) {
            // Noise depends only on (seed, camera, frame, box): the same run twice gives the same boxes.
            SplittableRandom noise = new SplittableRandom(settings.seed() * 1_000_003L
                    + frame.getRef().getCamera().hashCode() * 7919L + frame.getRef().getSeq() * 131L + index++);
            if (noise.nextDouble() < settings.missRate()) {
                continue;
            }
            double w = truth.getW() * (1 + settings.jitter() * noise.nextGaussian());
            double h = truth.getH() * (1 + settings.jitter() * noise.nextGaussian());
            double cx = truth.getX() + truth.getW() / 2.0 + settings.jitter() * truth.getW() * noise.nextGaussian();
            double cy = truth.getY() + truth.getH() / 2.0 + settings.jitter() * truth.getH() * noise.nextGaussian();
            int x = (int) Math.round(cx - w / 2);
            int y = (int) Math.round(cy - h / 2);
            int width = (int) Math.round(w);
            int height = (int) Math.round(h);
            if (width < MIN_SIDE || height < MIN_SIDE) {
                continue;
            }
            PersonBox box = new PersonBox(x, y, width, height, 1.0).clippedTo(bgr.cols(), bgr.rows());
            if (box != null && box.width() >= MIN_SIDE && box.height() >= MIN_SIDE) {
                out.add(box);
            }
        }
        return out;
    }

    @Override
    public void close() {
        // holds nothing native
    }
}
