package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The test's person finder: the boxes of the blobs that differ from a known empty scene. It
 * stands in for NanoDet where the people are drawn figures on a background the test made.
 */
final class BackgroundDifference implements PersonBoxes {
    /** Largest channel difference still taken for codec noise: the drawn figures differ by 55 or more. */
    private static final int THRESHOLD = 40;
    private static final int MIN_AREA = 60;
    /** A detector's box holds a little of the ground around the person, as NanoDet's does. */
    private static final int MARGIN = 3;

    private final Picture empty;

    BackgroundDifference(Picture empty) {
        this.empty = empty;
    }

    @Override
    public List<Box> find(int index, Mat bgr) {
        int w = empty.width();
        int h = empty.height();
        List<Box> boxes = new ArrayList<>();
        try (Mat mask = new Mat(h, w, opencv_core.CV_8UC1);
             Mat labels = new Mat();
             Mat stats = new Mat();
             Mat centroids = new Mat()) {
            try (UByteIndexer in = bgr.createIndexer(); UByteIndexer out = mask.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int diff = 0;
                        for (int c = 0; c < 3; c++) {
                            diff = Math.max(diff, Math.abs(in.get(y, x, c) - empty.at(x, y, c)));
                        }
                        out.put(y, x, diff > THRESHOLD ? 255 : 0);
                    }
                }
            }
            // mend the odd pixel where codec noise parts the head from the coat
            try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(3, 3))) {
                opencv_imgproc.morphologyEx(mask, mask, opencv_imgproc.MORPH_CLOSE, kernel);
            }
            int n = opencv_imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, opencv_core.CV_32S);
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    if (s.get(i, opencv_imgproc.CC_STAT_AREA) >= MIN_AREA) {
                        boxes.add(new Box(s.get(i, opencv_imgproc.CC_STAT_LEFT), s.get(i, opencv_imgproc.CC_STAT_TOP),
                                s.get(i, opencv_imgproc.CC_STAT_WIDTH), s.get(i, opencv_imgproc.CC_STAT_HEIGHT))
                                .grown(MARGIN));
                    }
                }
            }
        }
        return boxes;
    }
}
