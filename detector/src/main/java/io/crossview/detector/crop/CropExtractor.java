package io.crossview.detector.crop;

import io.crossview.common.image.Jpeg;
import io.crossview.detector.PersonBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** Cuts a person out of a picture with some context around it and JPEG-encodes the cut. */
public final class CropExtractor {
    private final double padFraction;
    private final int jpegQuality;

    /**
     * @param padFraction share of the box's width (height) added on the left and on the right
     *                    (top and bottom); re-ID models are trained on crops with a little context
     * @param jpegQuality 1..100
     */
    public CropExtractor(double padFraction, int jpegQuality) {
        if (!(padFraction >= 0 && padFraction <= 1)) {
            throw new IllegalArgumentException("crop pad fraction must be in [0, 1], got " + padFraction);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("crop JPEG quality must be 1..100, got " + jpegQuality);
        }
        this.padFraction = padFraction;
        this.jpegQuality = jpegQuality;
    }

    /** The padded box clipped to a width x height picture; empty when the box lies outside it. */
    public Region region(PersonBox box, int width, int height) {
        int padX = (int) Math.round(box.width() * padFraction);
        int padY = (int) Math.round(box.height() * padFraction);
        int x0 = Math.max(0, box.x() - padX);
        int y0 = Math.max(0, box.y() - padY);
        int x1 = Math.min(width, box.right() + padX);
        int y1 = Math.min(height, box.bottom() + padY);
        return new Region(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /** The JPEG of the padded box cut from {@code picture}, which stays owned by the caller. */
    public Crop extract(Mat picture, PersonBox box) {
        Region region = region(box, picture.cols(), picture.rows());
        if (region.isEmpty()) {
            throw new IllegalArgumentException("box " + box + " lies outside the " + picture.cols() + "x"
                    + picture.rows() + " picture");
        }
        // The ROI view shares the picture's pixels; imencode copes with its row stride.
        try (Rect rect = new Rect(region.x(), region.y(), region.width(), region.height());
             Mat view = new Mat(picture, rect)) {
            return new Crop(region, Jpeg.encode(view, jpegQuality));
        }
    }

    /** A pixel rectangle of the picture. */
    public record Region(int x, int y, int width, int height) {
        public boolean isEmpty() {
            return width <= 0 || height <= 0;
        }
    }

    /** A cut-out and where it came from. */
    public record Crop(Region region, byte[] jpeg) {
    }
}
