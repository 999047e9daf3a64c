package io.crossview.eval.synth;

import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Composes one camera's frame: the backdrop, then people far to near with their ground
 * shadows, static occluders put back in front of whoever stands behind them, lens softness
 * and sensor noise. Sensor noise comes from a pre-drawn bank read at a per-frame offset,
 * so it changes every frame, stays deterministic and costs two saturating adds.
 */
final class FrameRenderer implements AutoCloseable {
    /** The noise bank is this much larger than a frame in each direction. */
    private static final int NOISE_PAD = 64;
    private static final double SHADOW_DARKNESS = 0.72;

    private final Backdrop backdrop;
    private final CameraLook look;
    private final long noiseSeed;
    private final int width;
    private final int height;
    private final FigureDrawer drawer = new FigureDrawer();
    private final Mat noiseUp;
    private final Mat noiseDown;
    private final Mat scratch;
    private final Mat mask;
    private final Mat depthMask;
    private final Size blurKernel = new Size(3, 3);
    private final Scalar black = new Scalar(0, 0, 0, 0);

    FrameRenderer(Backdrop backdrop, CameraLook look, long noiseSeed) {
        this.backdrop = backdrop;
        this.look = look;
        this.noiseSeed = noiseSeed;
        this.width = backdrop.bgr().cols();
        this.height = backdrop.bgr().rows();
        this.scratch = new Mat(height, width, opencv_core.CV_8UC3);
        this.mask = new Mat(height, width, opencv_core.CV_8UC1);
        this.depthMask = new Mat(height, width, opencv_core.CV_32FC1);
        int nw = width + NOISE_PAD;
        int nh = height + NOISE_PAD;
        byte[] up = new byte[nw * nh * 3];
        byte[] down = new byte[nw * nh * 3];
        Random rnd = new Random(noiseSeed);
        for (int i = 0; i < up.length; i++) {
            long v = Math.round(rnd.nextGaussian() * look.noiseSigma());
            v = Math.max(-255, Math.min(255, v));
            up[i] = (byte) (v > 0 ? v : 0);
            down[i] = (byte) (v < 0 ? -v : 0);
        }
        noiseUp = new Mat(nh, nw, opencv_core.CV_8UC3);
        noiseDown = new Mat(nh, nw, opencv_core.CV_8UC3);
        try (BytePointer a = noiseUp.data(); BytePointer b = noiseDown.data()) {
            a.put(up, 0, up.length);
            b.put(down, 0, down.length);
        }
    }

    /** Renders into {@code target} (allocated or resized as needed); figures must be sorted far to near. */
    synchronized void render(List<Figure> figures, long frameIndex, Mat target) {
        backdrop.bgr().copyTo(target);
        for (Figure f : figures) {
            Rect roi = roi(f);
            if (roi == null) {
                continue;
            }
            try (roi; Mat dst = target.apply(roi)) {
                shadow(f, target, roi);
                drawer.draw(f, target);
                restoreOccluders(f, dst, roi);
            }
        }
        opencv_imgproc.GaussianBlur(target, target, blurKernel, look.blurSigma());
        long h = mix(noiseSeed ^ (frameIndex * 0x9E3779B97F4A7C15L));
        int dx = (int) Math.floorMod(h, (long) NOISE_PAD);
        int dy = (int) Math.floorMod(h >>> 20, (long) NOISE_PAD);
        try (Rect r = new Rect(dx, dy, width, height); Mat up = noiseUp.apply(r); Mat down = noiseDown.apply(r)) {
            opencv_core.add(target, up, target);
            opencv_core.subtract(target, down, target);
        }
    }

    /** The figure's pixels plus its shadow, clipped to the picture; null when nothing of it is inside. */
    private Rect roi(Figure f) {
        double minX = f.minX();
        double maxX = f.maxX();
        double maxY = f.maxY();
        if (f.shadow() != null) {
            minX = Math.min(minX, f.shadow()[0] - f.shadow()[2]);
            maxX = Math.max(maxX, f.shadow()[0] + f.shadow()[2]);
            maxY = Math.max(maxY, f.shadow()[1] + f.shadow()[3]);
        }
        int x0 = (int) Math.max(0, Math.floor(minX) - 2);
        int y0 = (int) Math.max(0, Math.floor(f.minY()) - 2);
        int x1 = (int) Math.min(width, Math.ceil(maxX) + 2);
        int y1 = (int) Math.min(height, Math.ceil(maxY) + 2);
        return x1 > x0 && y1 > y0 ? new Rect(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** Darkens an ellipse of floor under the feet: people look grounded instead of pasted on. */
    private void shadow(Figure f, Mat target, Rect roi) {
        double[] s = f.shadow();
        if (s == null) {
            return;
        }
        try (Mat m = mask.apply(roi); Mat dst = target.apply(roi); Mat tmp = scratch.apply(roi)) {
            opencv_imgproc.rectangle(m, new Rect(0, 0, roi.width(), roi.height()), black, opencv_imgproc.FILLED, 8, 0);
            drawer.maskEllipse(m, s[0] - roi.x(), s[1] - roi.y(), s[2], s[3], 255);
            dst.convertTo(tmp, -1, SHADOW_DARKNESS, 0);
            tmp.copyTo(dst, m);
        }
    }

    /** Puts back the backdrop wherever a wall, column or tree is nearer than the person. */
    private void restoreOccluders(Figure f, Mat dst, Rect roi) {
        try (Mat depth = backdrop.depthMat().apply(roi)) {
            double[] min = new double[1];
            double[] max = new double[1];
            opencv_core.minMaxLoc(depth, min, max, null, null, null);
            if (min[0] >= f.depth()) {
                return;
            }
            try (Mat dm = depthMask.apply(roi); Mat m = mask.apply(roi); Mat bg = backdrop.bgr().apply(roi)) {
                opencv_imgproc.threshold(depth, dm, f.depth(), 255, opencv_imgproc.THRESH_BINARY_INV);
                dm.convertTo(m, opencv_core.CV_8U);
                bg.copyTo(dst, m);
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        drawer.close();
        noiseUp.close();
        noiseDown.close();
        scratch.close();
        mask.close();
        depthMask.close();
        blurKernel.close();
        black.close();
    }
}
