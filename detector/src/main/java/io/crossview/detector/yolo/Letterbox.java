package io.crossview.detector.yolo;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Where a picture lands in a model's fixed input: scaled by {@code scaleX} and {@code scaleY}
 * (equal when the aspect is kept), its top-left corner at ({@code padX}, {@code padY}), the
 * rest filled with the convention's border grey.
 *
 * @param scaleX input pixels per picture pixel, across
 * @param scaleY input pixels per picture pixel, down
 */
public record Letterbox(double scaleX, double scaleY, int padX, int padY, int resizedWidth, int resizedHeight,
                        int inputWidth, int inputHeight) {
    /** The grey both YOLOX and ultralytics fill the border with, in 0..255. */
    public static final int PAD = 114;

    /** How a family of models expects its input: channel order, value range and placement. */
    public enum Convention {
        /** YOLOX: BGR, 0..255, picture at the top-left, sizes truncated. */
        YOLOX(false, new float[3], new float[] {1, 1, 1}, false),
        /** Ultralytics YOLOv5/v8/11: RGB, 0..1, picture centred, sizes rounded. */
        ULTRALYTICS(true, new float[3], new float[] {255, 255, 255}, true),
        /** NanoDet: BGR, normalised by its own per-channel mean and std (in BGR order), picture centred. */
        NANODET(false, new float[] {103.53f, 116.28f, 123.675f}, new float[] {57.375f, 57.12f, 58.395f}, true);

        private final boolean rgb;
        private final float[][] values = new float[3][256];
        private final boolean centred;

        Convention(boolean rgb, float[] mean, float[] divisor, boolean centred) {
            this.rgb = rgb;
            this.centred = centred;
            for (int plane = 0; plane < 3; plane++) {
                for (int v = 0; v < 256; v++) {
                    values[plane][v] = (v - mean[plane]) / divisor[plane];
                }
            }
        }

        /**
         * The input value of a 0..255 pixel value in input plane {@code plane}; divided, not
         * multiplied, to match {@code im /= 255} exactly.
         */
        public float value(int pixel, int plane) {
            return values[plane][pixel];
        }

        /** The input value of a 0..255 value in the first plane (the same in every plane without a mean). */
        public float value(int pixel) {
            return value(pixel, 0);
        }

        public boolean rgb() {
            return rgb;
        }

        public boolean centred() {
            return centred;
        }

        /** Fills {@code count} pictures' worth of planar input from {@code offset} with the border grey. */
        public void fillGrey(float[] out, int offset, int pictures, int plane) {
            for (int p = 0; p < pictures; p++) {
                for (int c = 0; c < 3; c++) {
                    int from = offset + (p * 3 + c) * plane;
                    Arrays.fill(out, from, from + plane, value(PAD, c));
                }
            }
        }
    }

    /** The placement of a {@code width x height} picture in the input, as the model's own tools do it. */
    public static Letterbox fit(int width, int height, int inputWidth, int inputHeight, Convention convention) {
        checkSize(width, height);
        double r = Math.min(inputHeight / (double) height, inputWidth / (double) width);
        if (!convention.centred()) {
            // YOLOX preproc: int(w * r), placed at (0, 0)
            return new Letterbox(r, r, 0, 0, Math.max(1, (int) (width * r)), Math.max(1, (int) (height * r)),
                    inputWidth, inputHeight);
        }
        // ultralytics LetterBox: round(w * r), border split round(d/2 -+ 0.1)
        int w = Math.max(1, (int) Math.round(width * r));
        int h = Math.max(1, (int) Math.round(height * r));
        int left = (int) Math.round((inputWidth - w) / 2.0 - 0.1);
        int top = (int) Math.round((inputHeight - h) / 2.0 - 0.1);
        return new Letterbox(r, r, left, top, w, h, inputWidth, inputHeight);
    }

    /** The whole input filled with the picture, each axis scaled on its own (no border). */
    public static Letterbox stretch(int width, int height, int inputWidth, int inputHeight) {
        checkSize(width, height);
        return new Letterbox(inputWidth / (double) width, inputHeight / (double) height, 0, 0, inputWidth,
                inputHeight, inputWidth, inputHeight);
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("cannot letterbox an empty " + width + "x" + height + " picture");
        }
    }

    /** The scale of an aspect-keeping placement (both axes alike). */
    public double scale() {
        return scaleX;
    }

    /** An input-space x coordinate in picture pixels. */
    public double toPictureX(double inputX) {
        return (inputX - padX) / scaleX;
    }

    /** An input-space y coordinate in picture pixels. */
    public double toPictureY(double inputY) {
        return (inputY - padY) / scaleY;
    }

    /**
     * Writes the letterboxed picture as planar float channels into {@code out} starting at
     * {@code offset} (one [3, H, W] slice of an NCHW batch).
     */
    public void write(Mat bgr, Convention convention, float[] out, int offset) {
        int plane = inputWidth * inputHeight;
        if (resizedWidth != inputWidth || resizedHeight != inputHeight) {
            convention.fillGrey(out, offset, 1, plane);
        }
        byte[] pixels = new byte[resizedWidth * resizedHeight * 3];
        if (bgr.cols() == resizedWidth && bgr.rows() == resizedHeight && bgr.isContinuous()) {
            bgr.data().get(pixels);
        } else {
            try (Size size = new Size(resizedWidth, resizedHeight); Mat resized = new Mat()) {
                resize(bgr, resized, size, 0, 0, INTER_LINEAR);
                resized.data().get(pixels);
            }
        }
        // BGR bytes to planes: plane 0 is blue for YOLOX and NanoDet, red for ultralytics
        int first = convention.rgb() ? 2 : 0;
        int last = 2 - first;
        for (int y = 0; y < resizedHeight; y++) {
            int row = offset + (y + padY) * inputWidth + padX;
            int src = y * resizedWidth * 3;
            for (int x = 0; x < resizedWidth; x++, src += 3) {
                out[row + x] = convention.value(pixels[src + first] & 0xff, 0);
                out[plane + row + x] = convention.value(pixels[src + 1] & 0xff, 1);
                out[2 * plane + row + x] = convention.value(pixels[src + last] & 0xff, 2);
            }
        }
    }
}
