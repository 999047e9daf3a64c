package io.crossview.eval.composite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * {@code people.png}: one row per person, one column per camera, each cell the first, middle
 * and last cut-out of the stretch that camera shows, on grey, in the camera's colours. It shows
 * at a glance whether the masks hold whole people and how much the visits differ.
 */
final class ContactSheet {
    static final int CELL_HEIGHT = 96;
    static final int SHOTS = 3;
    private static final int PAD = 4;
    private static final int LABEL = 40;
    private static final int HEADER = 20;
    private static final int GREY = 128;

    private ContactSheet() {
    }

    static void write(Path file, List<CutPerson> people, List<CameraView> views) throws IOException {
        int shotWidth = CELL_HEIGHT / 2;
        int cellWidth = SHOTS * shotWidth + PAD;
        int width = LABEL + views.size() * cellWidth;
        int height = HEADER + Math.max(1, people.size()) * (CELL_HEIGHT + PAD);
        Picture sheet = Picture.blank(width, height);
        java.util.Arrays.fill(sheet.bgr(), (byte) 255);
        for (int row = 0; row < people.size(); row++) {
            CutPerson person = people.get(row);
            for (int c = 0; c < views.size(); c++) {
                int length = person.stretch(c).length();
                for (int k = 0; k < SHOTS; k++) {
                    int offset = SHOTS == 1 ? 0 : (int) Math.round(k * (length - 1) / (double) (SHOTS - 1));
                    paste(sheet, person.sprite(c, offset), views.get(c).cast(),
                            LABEL + c * cellWidth + k * shotWidth, HEADER + row * (CELL_HEIGHT + PAD), shotWidth);
                }
            }
        }
        try (Mat mat = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            mat.data().put(sheet.bgr());
            Scalar black = new Scalar(0, 0, 0, 0);
            for (int c = 0; c < views.size(); c++) {
                opencv_imgproc.putText(mat, views.get(c).name(), new Point(LABEL + c * cellWidth + 2, HEADER - 6),
                        opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.45, black, 1, opencv_imgproc.LINE_8, false);
            }
            for (int row = 0; row < people.size(); row++) {
                opencv_imgproc.putText(mat, Integer.toString(people.get(row).id()),
                        new Point(4, HEADER + row * (CELL_HEIGHT + PAD) + CELL_HEIGHT / 2 + 5),
                        opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.5, black, 1, opencv_imgproc.LINE_8, false);
            }
            if (!opencv_imgcodecs.imwrite(file.toString(), mat)) {
                throw new IOException("cannot write " + file);
            }
        }
    }

    /** The sprite scaled to the cell's height (aspect kept, centred in a shotWidth-wide slot) over grey. */
    private static void paste(Picture sheet, Sprite s, ColourCast cast, int left, int top, int shotWidth) {
        double scale = Math.min(CELL_HEIGHT / (double) s.height(), shotWidth / (double) s.width());
        int w = Math.max(1, (int) Math.round(s.width() * scale));
        int h = Math.max(1, (int) Math.round(s.height() * scale));
        int x0 = left + (shotWidth - w) / 2;
        int y0 = top + (CELL_HEIGHT - h);
        int[] px = new int[3];
        byte[] out = sheet.bgr();
        for (int y = top; y < top + CELL_HEIGHT; y++) {
            for (int x = left; x < left + shotWidth; x++) {
                int o = (y * sheet.width() + x) * 3;
                out[o] = out[o + 1] = out[o + 2] = (byte) GREY;
            }
        }
        for (int y = 0; y < h; y++) {
            double sy = (y + 0.5) / scale - 0.5;
            for (int x = 0; x < w; x++) {
                double sx = (x + 0.5) / scale - 0.5;
                double a = Bilinear.sample(s.alpha(), s.width(), s.height(), 1, 0, sx, sy) / 255;
                cast.apply((int) Math.round(Bilinear.sample(s.bgr(), s.width(), s.height(), 3, 0, sx, sy)),
                        (int) Math.round(Bilinear.sample(s.bgr(), s.width(), s.height(), 3, 1, sx, sy)),
                        (int) Math.round(Bilinear.sample(s.bgr(), s.width(), s.height(), 3, 2, sx, sy)), px);
                int o = ((y0 + y) * sheet.width() + x0 + x) * 3;
                for (int c = 0; c < 3; c++) {
                    out[o + c] = (byte) Math.round(a * px[c] + (1 - a) * GREY);
                }
            }
        }
    }
}
