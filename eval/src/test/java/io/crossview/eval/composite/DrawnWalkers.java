package io.crossview.eval.composite;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A small fixed-camera video to cut people from: four drawn figures (dark head, coloured coat,
 * trousers, legs that swing) walking across a textured grey plaza, each in a lane of its own so
 * that nobody meets, entering and leaving through the picture's sides.
 */
final class DrawnWalkers {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final double FPS = 10;
    static final int FRAMES = 160;
    static final int FIGURE_W = 18;
    static final int FIGURE_H = 44;
    /** Top of each walker's lane; lanes are 55 px apart, so figures 44 px tall never touch. */
    static final int[] LANE_TOP = {15, 70, 125, 180};
    private static final int[] START = {0, 12, 24, 36};
    private static final double[] SPEED = {3, -2.6, 3.4, -3};
    private static final int[][] COAT = {{30, 30, 230}, {220, 60, 30}, {40, 200, 40}, {30, 220, 230}};
    private static final int[][] TROUSERS = {{20, 20, 20}, {240, 240, 240}, {100, 30, 20}, {20, 50, 90}};

    private DrawnWalkers() {
    }

    /** The plaza with nobody on it: smooth waves and faint tiles, 85..175 in every channel. */
    static Picture background() {
        byte[] bgr = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int tile = ((x / 16 + y / 16) % 2) * 10;
                for (int c = 0; c < 3; c++) {
                    double wave = 35 * Math.sin(x / 9.0 + c) * Math.cos(y / 11.0 - c);
                    bgr[(y * WIDTH + x) * 3 + c] = (byte) (int) Math.round(125 + wave + tile);
                }
            }
        }
        return new Picture(WIDTH, HEIGHT, bgr);
    }

    /** Left edge of walker {@code k}'s figure in {@code frame}; off the picture before and after the walk. */
    static int figureX(int k, int frame) {
        double t = frame - START[k];
        double x0 = SPEED[k] > 0 ? -FIGURE_W - 2 : WIDTH + 2;
        return (int) Math.round(x0 + SPEED[k] * Math.max(0, t));
    }

    /** The picture of one frame. */
    static Picture frame(int frame) {
        Picture p = background();
        for (int k = 0; k < LANE_TOP.length; k++) {
            drawFigure(p, figureX(k, frame), LANE_TOP[k], COAT[k], TROUSERS[k], frame);
        }
        return p;
    }

    static Path write(Path file) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat mat = new Mat(HEIGHT, WIDTH, opencv_core.CV_8UC3)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoQuality(2);
            recorder.start();
            for (int f = 0; f < FRAMES; f++) {
                mat.data().put(frame(f).bgr());
                recorder.record(converter.convert(mat));
            }
            recorder.stop();
        }
        return file;
    }

    private static void drawFigure(Picture p, int left, int top, int[] coat, int[] trousers, int frame) {
        int[] dark = {20, 20, 20};
        // head: a disc of radius 5 over the torso
        for (int y = 0; y <= 10; y++) {
            for (int x = 4; x <= 14; x++) {
                if (Math.hypot(x - 9, y - 5) <= 5) {
                    put(p, left + x, top + y, dark);
                }
            }
        }
        fill(p, left + 3, top + 10, 12, 16, coat);
        // legs step inwards and out again every four frames
        int step = new int[] {0, 1, 2, 1}[frame % 4];
        fill(p, left + 2 + step, top + 26, 4, FIGURE_H - 26, trousers);
        fill(p, left + 12 - step, top + 26, 4, FIGURE_H - 26, trousers);
    }

    private static void fill(Picture p, int x0, int y0, int w, int h, int[] bgr) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                put(p, x, y, bgr);
            }
        }
    }

    private static void put(Picture p, int x, int y, int[] bgr) {
        if (x >= 0 && y >= 0 && x < p.width() && y < p.height()) {
            for (int c = 0; c < 3; c++) {
                p.bgr()[(y * p.width() + x) * 3 + c] = (byte) bgr[c];
            }
        }
    }
}
