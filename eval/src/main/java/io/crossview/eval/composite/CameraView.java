package io.crossview.eval.composite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One composite camera: a crop of the empty scene (60-85 % of its width, the output's aspect),
 * scaled to the output size, maybe mirrored, with its own colour cast. Different crops give
 * different scales and framings of the same plaza; a mirror turns a walk to the left into one
 * to the right.
 *
 * @param crop the part of the source frame the camera shows
 */
public record CameraView(String name, Box crop, boolean mirror, int width, int height, ColourCast cast) {
    public static final double MIN_CROP = 0.6;
    public static final double MAX_CROP = 0.85;

    public CameraView {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("camera " + name + " needs a positive size, got " + width + "x" + height);
        }
    }

    /** Camera {@code index} (0-based, named cam{index+1}) of a sourceWidth x sourceHeight scene. */
    public static CameraView random(SplittableRandom rnd, int index, boolean mirror, int sourceWidth, int sourceHeight,
                                    int width, int height) {
        double share = rnd.nextDouble(MIN_CROP, MAX_CROP);
        int cw = (int) Math.round(sourceWidth * share);
        int ch = (int) Math.round(cw * height / (double) width);
        if (ch > sourceHeight) {
            ch = (int) Math.round(sourceHeight * share);
            cw = Math.min(sourceWidth, (int) Math.round(ch * width / (double) height));
        }
        int x = rnd.nextInt(sourceWidth - cw + 1);
        int y = rnd.nextInt(sourceHeight - ch + 1);
        ColourCast cast = ColourCast.random(rnd, index);
        return new CameraView("cam" + (index + 1), new Box(x, y, cw, ch), mirror, width, height, cast);
    }

    public double scaleX() {
        return width / (double) crop.w();
    }

    public double scaleY() {
        return height / (double) crop.h();
    }

    /** Where a source x lands in the view (the mirror included). */
    public double viewX(double sourceX) {
        double x = (sourceX - crop.x()) * scaleX();
        return mirror ? width - x : x;
    }

    public double viewY(double sourceY) {
        return (sourceY - crop.y()) * scaleY();
    }

    /** The view of the empty scene, colour cast included. */
    public Picture background(Picture scene) {
        byte[] out = new byte[width * height * 3];
        int[] px = new int[3];
        double[] bgr = new double[3];
        for (int v = 0; v < height; v++) {
            double sy = crop.y() + (v + 0.5) / scaleY() - 0.5;
            for (int u = 0; u < width; u++) {
                int column = mirror ? width - 1 - u : u;
                double sx = crop.x() + (column + 0.5) / scaleX() - 0.5;
                for (int c = 0; c < 3; c++) {
                    bgr[c] = Bilinear.sample(scene.bgr(), scene.width(), scene.height(), 3, c, sx, sy);
                }
                cast.apply((int) Math.round(bgr[0]), (int) Math.round(bgr[1]), (int) Math.round(bgr[2]), px);
                int o = (v * width + u) * 3;
                out[o] = (byte) px[0];
                out[o + 1] = (byte) px[1];
                out[o + 2] = (byte) px[2];
            }
        }
        return new Picture(width, height, out);
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("x", crop.x());
        source.put("y", crop.y());
        source.put("w", crop.w());
        source.put("h", crop.h());
        m.put("source_crop", source);
        m.put("scale", ColourCast.round(scaleX()));
        m.put("mirrored", mirror);
        m.putAll(cast.describe());
        return m;
    }
}
