package io.crossview.deploy.console;

import io.crossview.common.image.Jpeg;
import io.crossview.common.wire.Box;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** A person's box cut out of a frame, for identities whose harvested crops have not come yet. */
final class Thumbnails {
    private Thumbnails() {
    }

    /** The box, clipped to the frame, as a JPEG; null when nothing of it is inside. */
    static byte[] cut(byte[] frameJpeg, Box box) {
        try (Mat frame = Jpeg.decode(frameJpeg)) {
            int x = Math.max(0, Math.round(box.getX()));
            int y = Math.max(0, Math.round(box.getY()));
            int right = Math.min(frame.cols(), Math.round(box.getX() + box.getW()));
            int bottom = Math.min(frame.rows(), Math.round(box.getY() + box.getH()));
            if (right - x < 4 || bottom - y < 4) {
                return null;
            }
            try (Rect rect = new Rect(x, y, right - x, bottom - y); Mat crop = new Mat(frame, rect)) {
                return Jpeg.encode(crop, 85);
            }
        }
    }
}
