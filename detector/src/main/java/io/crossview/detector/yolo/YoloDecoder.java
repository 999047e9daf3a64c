package io.crossview.detector.yolo;

import io.crossview.detector.Nms;
import io.crossview.detector.PersonBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the output of a YOLO-family model into picture boxes: decodes the layout, keeps the
 * wanted classes above the score threshold, maps letterboxed coordinates back to the picture,
 * clips, drops small boxes and suppresses overlaps class by class.
 */
final class YoloDecoder {
    private final YoloLayout layout;
    private final int anchors;
    private final int values;
    private final int[] classes;
    private final double scoreThreshold;
    private final double nmsIou;
    private final int minBoxSize;
    // YOLOX only: the grid cell and stride of every anchor
    private final float[] cellX;
    private final float[] cellY;
    private final float[] cellStride;

    /**
     * @param layout     a resolved layout (not AUTO)
     * @param anchors    boxes per picture (A)
     * @param classCount classes the model scores (C)
     */
    YoloDecoder(YoloLayout layout, int anchors, int classCount, int inputWidth, int inputHeight,
                YoloSettings settings) {
        if (layout == YoloLayout.AUTO) {
            throw new IllegalArgumentException("the decoder needs a resolved layout");
        }
        for (int c : settings.classes()) {
            if (c >= classCount) {
                throw new IllegalArgumentException("class " + c + " is not among the model's " + classCount
                        + " classes (0.." + (classCount - 1) + ")");
            }
        }
        this.layout = layout;
        this.anchors = anchors;
        this.values = classCount + (layout == YoloLayout.YOLOV8 ? 4 : 5);
        this.classes = settings.classes().stream().mapToInt(Integer::intValue).distinct().toArray();
        this.scoreThreshold = settings.scoreThreshold();
        this.nmsIou = settings.nmsIou();
        this.minBoxSize = settings.minBoxSize();
        this.cellX = new float[layout == YoloLayout.YOLOX ? anchors : 0];
        this.cellY = new float[cellX.length];
        this.cellStride = new float[cellX.length];
        if (layout == YoloLayout.YOLOX) {
            int a = 0;
            for (int stride : YoloLayout.yoloxStrides()) {
                int rows = (inputHeight + stride - 1) / stride;
                int cols = (inputWidth + stride - 1) / stride;
                // YOLOX flattens each level row by row (meshgrid of y, x)
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++, a++) {
                        cellX[a] = x;
                        cellY[a] = y;
                        cellStride[a] = stride;
                    }
                }
            }
            if (a != anchors) {
                throw new IllegalArgumentException("YOLOX output has " + anchors + " anchors but a " + inputWidth
                        + "x" + inputHeight + " input has " + a + " grid cells");
            }
        }
    }

    /** Values the output holds per picture: A x (5+C) or (4+C) x A. */
    int valuesPerPicture() {
        return anchors * values;
    }

    /** The boxes of picture {@code index} of a batch output, best first. */
    List<PersonBox> decode(float[] output, int index, Letterbox letterbox, int pictureWidth, int pictureHeight) {
        int base = index * anchors * values;
        boolean transposed = layout == YoloLayout.YOLOV8;
        int firstClass = transposed ? 4 : 5;
        Map<Integer, List<PersonBox>> byClass = new TreeMap<>();
        for (int a = 0; a < anchors; a++) {
            double objectness = transposed ? 1 : at(output, base, a, 4, false);
            if (!(objectness >= scoreThreshold)) {
                continue; // class scores are at most 1, so this anchor cannot reach the threshold
            }
            int bestClass = -1;
            double best = -1;
            for (int c : classes) {
                double s = objectness * at(output, base, a, firstClass + c, transposed);
                if (s > best) {
                    best = s;
                    bestClass = c;
                }
            }
            if (!(best >= scoreThreshold)) {
                continue;
            }
            double cx = at(output, base, a, 0, transposed);
            double cy = at(output, base, a, 1, transposed);
            double w = at(output, base, a, 2, transposed);
            double h = at(output, base, a, 3, transposed);
            if (layout == YoloLayout.YOLOX) {
                cx = (cx + cellX[a]) * cellStride[a];
                cy = (cy + cellY[a]) * cellStride[a];
                w = Math.exp(w) * cellStride[a];
                h = Math.exp(h) * cellStride[a];
            }
            PersonBox box = toPicture(cx, cy, w, h, best, bestClass, letterbox, pictureWidth, pictureHeight);
            if (box != null) {
                byClass.computeIfAbsent(bestClass, k -> new ArrayList<>()).add(box);
            }
        }
        List<PersonBox> kept = new ArrayList<>();
        byClass.values().forEach(boxes -> kept.addAll(Nms.suppress(boxes, nmsIou)));
        kept.sort(Comparator.comparingDouble(PersonBox::score).reversed());
        return kept;
    }

    private PersonBox toPicture(double cx, double cy, double w, double h, double score, int classId,
                                Letterbox letterbox, int pictureWidth, int pictureHeight) {
        double x0 = letterbox.toPictureX(cx - w / 2);
        double y0 = letterbox.toPictureY(cy - h / 2);
        double x1 = letterbox.toPictureX(cx + w / 2);
        double y1 = letterbox.toPictureY(cy + h / 2);
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            return null;
        }
        long left = Math.round(Math.max(0, x0));
        long top = Math.round(Math.max(0, y0));
        long right = Math.round(Math.min(pictureWidth, x1));
        long bottom = Math.round(Math.min(pictureHeight, y1));
        if (right - left < minBoxSize || bottom - top < minBoxSize) {
            return null;
        }
        return new PersonBox((int) left, (int) top, (int) (right - left), (int) (bottom - top), score, classId);
    }

    private double at(float[] output, int base, int anchor, int value, boolean transposed) {
        return transposed ? output[base + value * anchors + anchor] : output[base + anchor * values + value];
    }
}
