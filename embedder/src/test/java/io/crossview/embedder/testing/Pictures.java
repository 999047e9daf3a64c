package io.crossview.embedder.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Synthetic test pictures: uniform colours and simple drawn "people". */
public final class Pictures {
    public static final Scalar RED = new Scalar(30, 30, 200, 0);
    public static final Scalar BLUE = new Scalar(160, 60, 30, 0);
    public static final Scalar GREEN = new Scalar(40, 150, 40, 0);
    public static final Scalar YELLOW = new Scalar(40, 200, 210, 0);
    public static final Scalar DARK = new Scalar(40, 40, 45, 0);
    private static final Scalar SKIN = new Scalar(140, 170, 215, 0);
    private static final Scalar BACKGROUND = new Scalar(120, 125, 118, 0);

    private Pictures() {
    }

    /** A width x height BGR picture of one colour (B, G, R). */
    public static Mat uniform(int width, int height, int b, int g, int r) {
        return new Mat(height, width, CV_8UC3, new Scalar(b, g, r, 0));
    }

    /**
     * A person crop: background, head, shirt and trousers. {@code dx, dy} shift the person in
     * pixels, {@code scale} shrinks it about the crop centre, {@code gain} multiplies all pixels
     * (light), {@code seed} drives sensor noise.
     */
    public static Mat person(Scalar shirt, Scalar trousers, int dx, int dy, double scale, double gain, long seed) {
        int w = 60;
        int h = 150;
        Mat m = new Mat(h, w, CV_8UC3, BACKGROUND);
        int cx = w / 2 + dx;
        int top = (int) Math.round(h / 2.0 - scale * (h / 2.0 - 6)) + dy;
        int bodyH = (int) Math.round(scale * (h - 12));
        int halfW = (int) Math.round(scale * 17);
        int head = (int) Math.round(bodyH * 0.14);
        circle(m, new Point(cx, top + head / 2), head / 2, SKIN, FILLED, 8, 0);
        int shirtTop = top + head;
        int shirtBottom = top + (int) Math.round(bodyH * 0.55);
        rectangle(m, new Rect(cx - halfW, shirtTop, 2 * halfW, shirtBottom - shirtTop), shirt, FILLED, 8, 0);
        rectangle(m, new Rect(cx - halfW + 2, shirtBottom, 2 * halfW - 4, top + bodyH - shirtBottom), trousers,
                FILLED, 8, 0);
        noiseAndGain(m, gain, seed);
        return m;
    }

    private static void noiseAndGain(Mat m, double gain, long seed) {
        byte[] px = new byte[m.rows() * m.cols() * 3];
        m.data().get(px);
        Random random = new Random(seed);
        for (int i = 0; i < px.length; i++) {
            double v = (px[i] & 0xFF) * gain + random.nextGaussian() * 4;
            px[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        m.data().put(px);
    }
}
