package io.crossview.eval.synth;

import io.crossview.eval.synth.Figure.Shape;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws a figure's shapes with anti-aliasing at sub-pixel precision, which keeps small,
 * distant people from turning into jagged blocks. Not thread-safe: one per renderer.
 */
final class FigureDrawer implements AutoCloseable {
    /** OpenCV's fixed-point fraction bits: coordinates are multiplied by 2^SHIFT. */
    private static final int SHIFT = 3;
    private static final double ONE = 1 << SHIFT;
    private static final int MAX_POINTS = 16;

    private final Point points = new Point(MAX_POINTS);
    private final Point centre = new Point();
    private final Size axes = new Size();
    private final Scalar colour = new Scalar();

    void draw(Figure figure, Mat target) {
        for (Shape s : figure.shapes()) {
            colour.put(s.bgr()[0], s.bgr()[1], s.bgr()[2], 0);
            if (s.poly() != null) {
                int n = Math.min(MAX_POINTS, s.poly().length / 2);
                for (int i = 0; i < n; i++) {
                    points.position(i).x((int) Math.round(s.poly()[2 * i] * ONE)).y((int) Math.round(s.poly()[2 * i + 1] * ONE));
                }
                points.position(0);
                opencv_imgproc.fillConvexPoly(target, points, n, colour, opencv_imgproc.LINE_AA, SHIFT);
            } else {
                ellipse(target, s.cx(), s.cy(), s.ax(), s.ay(), s.angle(), s.start(), s.end());
            }
        }
    }

    /** A filled ellipse in the given colour; {@code colour} must already hold it. */
    void ellipse(Mat target, double cx, double cy, double ax, double ay, double angle, double start, double end) {
        centre.x((int) Math.round(cx * ONE)).y((int) Math.round(cy * ONE));
        axes.width((int) Math.max(1, Math.round(ax * ONE))).height((int) Math.max(1, Math.round(ay * ONE)));
        opencv_imgproc.ellipse(target, centre, axes, angle, start, end, colour, opencv_imgproc.FILLED,
                opencv_imgproc.LINE_AA, SHIFT);
    }

    /** A filled, hard-edged ellipse of one grey value, for masks. */
    void maskEllipse(Mat mask, double cx, double cy, double ax, double ay, int value) {
        colour.put(value, value, value, 0);
        centre.x((int) Math.round(cx * ONE)).y((int) Math.round(cy * ONE));
        axes.width((int) Math.max(1, Math.round(ax * ONE))).height((int) Math.max(1, Math.round(ay * ONE)));
        opencv_imgproc.ellipse(mask, centre, axes, 0, 0, 360, colour, opencv_imgproc.FILLED, opencv_imgproc.LINE_8, SHIFT);
    }

    @Override
    public void close() {
        points.close();
        centre.close();
        axes.close();
        colour.close();
    }
}
