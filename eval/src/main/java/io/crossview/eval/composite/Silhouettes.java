package io.crossview.eval.composite;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts a person out of a source frame: the pixels that differ from the empty scene (largest
 * channel difference over a threshold), cleaned up, inside the person's box. Opening removes
 * sensor and codec speckle, closing mends the small holes where clothes match the ground, and
 * only the big blobs stay, so a stray bag or the edge of a shadow does not come along.
 */
public final class Silhouettes {
    /** Largest channel difference from the empty scene that still counts as scene (vtest's noise is ~10). */
    public static final int DEFAULT_THRESHOLD = 28;
    /** Blobs smaller than this share of the largest are dropped. */
    static final double MIN_BLOB = 0.15;

    private final Picture empty;
    private final int threshold;

    public Silhouettes(Picture empty, int threshold) {
        if (threshold < 1 || threshold > 254) {
            throw new IllegalArgumentException("foreground threshold must be 1..254, got " + threshold);
        }
        this.empty = empty;
        this.threshold = threshold;
    }

    /** The person in {@code box} of {@code frame} (BGR, the source's size); null when the box is outside it. */
    public Sprite cut(Mat frame, Box box) {
        Box b = box.clippedTo(empty.width(), empty.height());
        if (b == null) {
            return null;
        }
        byte[] bgr = new byte[b.w() * b.h() * 3];
        byte[] raw = new byte[b.w() * b.h()];
        try (UByteIndexer in = frame.createIndexer()) {
            for (int y = 0; y < b.h(); y++) {
                for (int x = 0; x < b.w(); x++) {
                    int diff = 0;
                    for (int c = 0; c < 3; c++) {
                        int v = in.get(b.y() + y, b.x() + x, c);
                        bgr[(y * b.w() + x) * 3 + c] = (byte) v;
                        diff = Math.max(diff, Math.abs(v - empty.at(b.x() + x, b.y() + y, c)));
                    }
                    raw[y * b.w() + x] = (byte) (diff > threshold ? 255 : 0);
                }
            }
        }
        byte[] alpha = clean(raw, b.w(), b.h());
        int area = 0;
        for (byte a : alpha) {
            if ((a & 0xff) >= 128) {
                area++;
            }
        }
        return new Sprite(b.w(), b.h(), bgr, alpha, area);
    }

    private static byte[] clean(byte[] raw, int w, int h) {
        try (Mat mask = new Mat(h, w, opencv_core.CV_8UC1);
             Mat open = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
             Mat close = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(5, 5));
             Mat labels = new Mat();
             Mat stats = new Mat();
             Mat centroids = new Mat()) {
            mask.data().put(raw);
            Point anchor = new Point(-1, -1);
            opencv_imgproc.morphologyEx(mask, mask, opencv_imgproc.MORPH_OPEN, open, anchor, 1,
                    opencv_core.BORDER_CONSTANT, opencv_imgproc.morphologyDefaultBorderValue());
            opencv_imgproc.morphologyEx(mask, mask, opencv_imgproc.MORPH_CLOSE, close, anchor, 1,
                    opencv_core.BORDER_REPLICATE, opencv_imgproc.morphologyDefaultBorderValue());
            keepBigBlobs(mask, labels, stats, centroids);
            // soft edges: a pasted hard-edged silhouette is a give-away a detector can learn
            opencv_imgproc.GaussianBlur(mask, mask, new Size(3, 3), 0);
            byte[] out = new byte[w * h];
            mask.data().get(out);
            return out;
        }
    }

    private static void keepBigBlobs(Mat mask, Mat labels, Mat stats, Mat centroids) {
        int n = opencv_imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, opencv_core.CV_32S);
        if (n <= 2) {
            return;
        }
        int[] area = new int[n];
        int largest = 0;
        try (IntIndexer s = stats.createIndexer()) {
            for (int i = 1; i < n; i++) {
                area[i] = s.get(i, opencv_imgproc.CC_STAT_AREA);
                largest = Math.max(largest, area[i]);
            }
        }
        try (IntIndexer l = labels.createIndexer(); UByteIndexer m = mask.createIndexer()) {
            for (int y = 0; y < mask.rows(); y++) {
                for (int x = 0; x < mask.cols(); x++) {
                    int label = l.get(y, x);
                    if (label > 0 && area[label] < MIN_BLOB * largest) {
                        m.put(y, x, 0);
                    }
                }
            }
        }
    }
}
