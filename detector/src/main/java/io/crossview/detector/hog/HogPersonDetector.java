package io.crossview.detector.hog;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.crossview.detector.Nms;
import io.crossview.detector.PersonBox;
import io.crossview.detector.PersonDetector;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.PointVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * Person detector on OpenCV's HOG + linear SVM people model (Dalal-Triggs, INRIA), which
 * ships inside OpenCV and needs no download. Not safe for concurrent use.
 */
public final class HogPersonDetector implements PersonDetector {
    private static final int WINDOW_WIDTH = 64;
    private static final int WINDOW_HEIGHT = 128;
    // INRIA windows hold the person with a background margin around; these fractions cut the
    // window to the person, as OpenCV's peopledetect sample does, so boxes fit tracking and crops.
    private static final double MARGIN_X = 0.1;
    private static final double MARGIN_TOP = 0.07;
    private static final double BODY_FRACTION = 0.8;

    private final HogSettings settings;
    private final HogPyramid pyramid;
    private final HOGDescriptor hog;
    private final Size winStride;
    private final Size padding;

    public HogPersonDetector(HogSettings settings) {
        this.settings = settings;
        this.pyramid = HogPyramid.plan(settings, WINDOW_HEIGHT * BODY_FRACTION);
        this.hog = new HOGDescriptor();
        // setSVMDetector copies the coefficients, so the vector and its Mat view can go at once.
        try (FloatPointer coefficients = HOGDescriptor.getDefaultPeopleDetector();
             Mat svm = new Mat(coefficients)) {
            hog.setSVMDetector(svm);
        }
        this.winStride = new Size(settings.winStride(), settings.winStride());
        this.padding = new Size(settings.padding(), settings.padding());
    }

    public HogSettings settings() {
        return settings;
    }

    /** Resize factor of the first searched level and the number of levels, for logs and tuning. */
    public String pyramidDescription() {
        return String.format("start scale %.3f, %d levels of %.2f", pyramid.startScale(), pyramid.levels(),
                settings.scaleStep());
    }

    @Override
    public List<PersonBox> detect(Mat bgr) {
        if (bgr == null || bgr.empty()) {
            throw new IllegalArgumentException("cannot detect people in an empty picture");
        }
        List<PersonBox> raw = new ArrayList<>();
        for (int k = 0; k < pyramid.levels(); k++) {
            searchLevel(bgr, pyramid.scale(k), raw);
        }
        return Nms.suppress(raw, settings.nmsIou());
    }

    /**
     * Every level is resized from the original picture rather than from the previous level, as
     * OpenCV's detectMultiScale does with bilinear resizing: shrinking an upscaled picture 3x
     * that way aliases the gradients and costs the largest people most of their score.
     */
    private void searchLevel(Mat bgr, double scale, List<PersonBox> found) {
        int width = bgr.cols();
        int height = bgr.rows();
        int scaledWidth = (int) Math.round(width * scale);
        int scaledHeight = (int) Math.round(height * scale);
        if (scaledWidth < WINDOW_WIDTH || scaledHeight < WINDOW_HEIGHT) {
            return;
        }
        try (Mat scaled = new Mat();
             Size size = new Size(scaledWidth, scaledHeight);
             PointVector corners = new PointVector();
             DoublePointer weights = new DoublePointer();
             PointVector everywhere = new PointVector()) {
            resize(bgr, scaled, size, 0, 0, scale >= 1 ? INTER_LINEAR : INTER_AREA);
            hog.detect(scaled, corners, weights, settings.hitThreshold(), winStride, padding, everywhere);
            // Sizes differ from the nominal factor by rounding; map back with the real ones.
            double sx = scaledWidth / (double) width;
            double sy = scaledHeight / (double) height;
            for (int i = 0; i < corners.size(); i++) {
                try (Point corner = corners.get(i)) {
                    PersonBox box = toPicture(corner.x(), corner.y(), weights.get(i), sx, sy, width, height);
                    if (box != null && box.height() >= settings.minBoxHeight()
                            && box.height() <= settings.maxBoxHeight()) {
                        found.add(box);
                    }
                }
            }
        }
    }

    /** The person part of a window found on the scaled picture, in original coordinates, clipped. */
    private static PersonBox toPicture(int wx, int wy, double weight, double sx, double sy, int width, int height) {
        double x = (wx + WINDOW_WIDTH * MARGIN_X) / sx;
        double y = (wy + WINDOW_HEIGHT * MARGIN_TOP) / sy;
        int x0 = (int) Math.round(x);
        int y0 = (int) Math.round(y);
        int x1 = (int) Math.round(x + WINDOW_WIDTH * BODY_FRACTION / sx);
        int y1 = (int) Math.round(y + WINDOW_HEIGHT * BODY_FRACTION / sy);
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        return new PersonBox(x0, y0, x1 - x0, y1 - y0, weight).clippedTo(width, height);
    }

    @Override
    public void close() {
        hog.close();
        winStride.close();
        padding.close();
    }
}
