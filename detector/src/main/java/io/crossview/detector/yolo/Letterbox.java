package io.crossview.detector.yolo;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Where a picture lands in a model's fixed input: scaled by {@code scale} keeping its aspect,
 * its top-left corner at ({@code padX}, {@code padY}), the rest filled with grey 114.
 *
 * @param scale input pixels per picture pixel
 */
public record Letterbox(double scale, int padX, int padY, int resizedWidth, int resizedHeight,
                        int inputWidth, int inputHeight) {
    /** The grey both YOLOX and ultralytics fill the border with, in 0..255. */
    public static final int PAD = 114;

    /** How a family of models expects its input: channel order, value range and placement. */
    public enum Convention {
        /** YOLOX: BGR, 0..255, picture at the top-left, sizes truncated. */
        YOLOX(false, 1f, false),
        /** Ultralytics YOLOv5/v8/11: RGB, 0..1, picture centred, sizes rounded. */
        ULTRALYTICS(true, 255f, true);

        private final boolean rgb;
        private final float[] values = new float[256];
        private final boolean centred;

        Convention(boolean rgb, float divisor, boolean centred) {
            this.rgb = rgb;
            this.centred = centred;
            for (int v = 0; v < 256; v++) {
                values[v] = v / divisor;
            }
        }

        /** The input value of a 0..255 pixel value; divided, not multiplied, to match {@code im /= 255} exactly. */
        public float value(int pixel) {
            return values[pixel];
        }

        public boolean rgb() {
            return rgb;
        }

        public boolean centred() {
            return centred;
        }
    }

    /** The placement of a {@code width x height} picture in the input, as the model's own tools do it. */
    public static Letterbox fit(int width, int height, int inputWidth, int inputHeight, Convention convention) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("cannot letterbox an empty " + width + "x" + height + " picture");
        }
        double r = Math.min(inputHeight / (double) height, inputWidth / (double) width);
        if (!convention.centred()) {
            // YOLOX preproc: int(w * r), placed at (0, 0)
            return new Letterbox(r, 0, 0, Math.max(1, (int) (width * r)), Math.max(1, (int) (height * r)),
                    inputWidth, inputHeight);
        }
        // ultralytics LetterBox: round(w * r), border split round(d/2 -+ 0.1)
        int w = Math.max(1, (int) Math.round(width * r));
        int h = Math.max(1, (int) Math.round(height * r));
        int left = (int) Math.round((inputWidth - w) / 2.0 - 0.1);
        int top = (int) Math.round((inputHeight - h) / 2.0 - 0.1);
        return new Letterbox(r, left, top, w, h, inputWidth, inputHeight);
    }

    /** An input-space x coordinate in picture pixels. */
    public double toPictureX(double inputX) {
        return (inputX - padX) / scale;
    }

    /** An input-space y coordinate in picture pixels. */
    public double toPictureY(double inputY) {
        return (inputY - padY) / scale;
    }

    /**
     * Writes the letterboxed picture as planar float channels into {@code out} starting at
     * {@code offset} (one [3, H, W] slice of an NCHW batch).
     */
    public void write(Mat bgr, Convention convention, float[] out, int offset) {
        int plane = inputWidth * inputHeight;
        float pad = convention.value(PAD);
        java.util.Arrays.fill(out, offset, offset + 3 * plane, pad);
        byte[] pixels = new byte[resizedWidth * resizedHeight * 3];
        if (bgr.cols() == resizedWidth && bgr.rows() == resizedHeight && bgr.isContinuous()) {
            bgr.data().get(pixels);
        } else {
            try (Size size = new Size(resizedWidth, resizedHeight); Mat resized = new Mat()) {
                resize(bgr, resized, size, 0, 0, INTER_LINEAR);
                resized.data().get(pixels);
            }
        }
        // BGR bytes to planes: plane 0 is blue for YOLOX, red for ultralytics
        int first = convention.rgb() ? 2 : 0;
        int last = 2 - first;
        for (int y = 0; y < resizedHeight; y++) {
            int row = offset + (y + padY) * inputWidth + padX;
            int src = y * resizedWidth * 3;
            for (int x = 0; x < resizedWidth; x++, src += 3) {
                out[row + x] = convention.value(pixels[src + first] & 0xff);
                out[plane + row + x] = convention.value(pixels[src + 1] & 0xff);
                out[2 * plane + row + x] = convention.value(pixels[src + last] & 0xff);
            }
        }
    }
}
