package io.crossview.common.image;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** JPEG encoding and decoding of BGR pictures through OpenCV. */
public final class Jpeg {
    private Jpeg() {
    }

    public static byte[] encode(Mat bgr, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, got " + quality);
        }
        try (BytePointer buffer = new BytePointer();
             IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            if (!imencode(".jpg", bgr, buffer, params)) {
                throw new IllegalStateException("OpenCV could not encode a " + bgr.cols() + "x" + bgr.rows() + " picture");
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /** Decodes to a BGR picture the caller owns; throws on bytes that are not a picture. */
    public static Mat decode(byte[] jpeg) {
        if (jpeg == null || jpeg.length == 0) {
            throw new BadImageException("empty picture");
        }
        Mat picture;
        try (Mat raw = new Mat(1, jpeg.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1)) {
            raw.data().put(jpeg);
            picture = imdecode(raw, IMREAD_COLOR);
        }
        if (picture == null || picture.empty()) {
            throw new BadImageException("not a decodable picture (" + jpeg.length + " bytes)");
        }
        return picture;
    }
}
