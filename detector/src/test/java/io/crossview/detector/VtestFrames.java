package io.crossview.detector;

import io.crossview.common.sample.SampleVideo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** Real frames of vtest.avi (768x576) and their halves, the two cameras of the demo. */
public final class VtestFrames {
    public static final int HALF_WIDTH = 384;
    public static final int HEIGHT = 576;

    private VtestFrames() {
    }

    /** The frames at the given 0-based indexes, decoded in order; the caller owns the Mats. */
    public static Map<Integer, Mat> read(int... indexes) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int last = Arrays.stream(indexes).max().orElseThrow();
        Map<Integer, Mat> frames = new HashMap<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SampleVideo.vtest().toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            for (int i = 0; i <= last; i++) {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    throw new IllegalStateException("vtest.avi ended at frame " + i + ", wanted " + last);
                }
                int index = i;
                if (Arrays.stream(indexes).anyMatch(wanted -> wanted == index)) {
                    // The converter reuses its Mat for the next frame: keep a copy.
                    frames.put(i, converter.convert(frame).clone());
                }
            }
        }
        return frames;
    }

    /** A copy of the left (0) or right (1) half of a full frame. */
    public static Mat half(Mat frame, int side) {
        try (Rect rect = new Rect(side * HALF_WIDTH, 0, HALF_WIDTH, HEIGHT);
             Mat view = new Mat(frame, rect)) {
            return view.clone();
        }
    }
}
