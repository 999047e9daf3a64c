package io.crossview.detector.privacy;

import io.crossview.detector.PersonBox;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Makes people unrecognisable in a picture: each box, grown by a margin so that hair and
 * shoulders go too, is pixelated into blocks a third of the box wide, then smoothed
 * so the blocks carry no edges. Pixelation destroys what a Gaussian blur of the same
 * strength can partly leave (faces, clothing patterns, text).
 */
public final class PeopleBlur {
    /** Box growth on every side, as a fraction of the box size. */
    static final double MARGIN = 0.15;
    /** Blocks across a box: three leave a body a column of coloured patches, no silhouette. */
    static final int BLOCKS_ACROSS = 3;

    private PeopleBlur() {
    }

    /** Blurs every box in place; returns how many it blurred (boxes outside the picture are skipped). */
    public static int blur(Mat bgr, List<PersonBox> people) {
        int blurred = 0;
        for (PersonBox box : people) {
            int dx = (int) Math.round(box.width() * MARGIN);
            int dy = (int) Math.round(box.height() * MARGIN);
            int x0 = Math.max(0, box.x() - dx);
            int y0 = Math.max(0, box.y() - dy);
            int x1 = Math.min(bgr.cols(), box.x() + box.width() + dx);
            int y1 = Math.min(bgr.rows(), box.y() + box.height() + dy);
            if (x1 - x0 < 2 || y1 - y0 < 2) {
                continue;
            }
            pixelate(bgr, new Rect(x0, y0, x1 - x0, y1 - y0));
            blurred++;
        }
        return blurred;
    }

    private static void pixelate(Mat bgr, Rect area) {
        int block = Math.max(4, area.width() / BLOCKS_ACROSS);
        int across = Math.max(1, area.width() / block);
        int down = Math.max(1, area.height() / block);
        try (area; Mat region = new Mat(bgr, area); Mat small = new Mat(); Mat big = new Mat();
             Size tiny = new Size(across, down); Size full = new Size(area.width(), area.height()); Size kernel = new Size(0, 0)) {
            opencv_imgproc.resize(region, small, tiny, 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.resize(small, big, full, 0, 0, opencv_imgproc.INTER_NEAREST);
            opencv_imgproc.GaussianBlur(big, region, kernel, block / 3.0 + 0.5);
        }
    }
}
