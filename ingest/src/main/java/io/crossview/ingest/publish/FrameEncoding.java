package io.crossview.ingest.publish;

/**
 * How a camera's pictures are encoded: JPEG quality and the largest size sent (bigger
 * pictures are scaled down, keeping their aspect ratio).
 *
 * @param jpegQuality 1..100, or 0 for the publisher's default
 * @param maxWidth    0: no limit
 * @param maxHeight   0: no limit
 */
public record FrameEncoding(int jpegQuality, int maxWidth, int maxHeight) {
    public static final FrameEncoding DEFAULT = new FrameEncoding(0, 0, 0);

    public FrameEncoding {
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100 (0: default), got " + jpegQuality);
        }
        if (maxWidth < 0 || maxHeight < 0) {
            throw new IllegalArgumentException("maximum width and height must be >= 0");
        }
    }

    /** The factor (at most 1) that fits a width x height picture inside the limits. */
    public double scaleFor(int width, int height) {
        double scale = 1;
        if (maxWidth > 0 && width > maxWidth) {
            scale = Math.min(scale, (double) maxWidth / width);
        }
        if (maxHeight > 0 && height > maxHeight) {
            scale = Math.min(scale, (double) maxHeight / height);
        }
        return scale;
    }
}
