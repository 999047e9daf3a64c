package io.crossview.detector.yolo;

import io.crossview.detector.PersonBox;
import java.util.List;

/**
 * Turns the output of a YOLO-family model into picture boxes: decodes the layout and keeps the
 * wanted classes above the score threshold; {@link PictureBoxes} does the rest.
 */
final class YoloDecoder implements BoxDecoder {
    private final YoloLayout layout;
    private final int anchors;
    private final int values;
    private final int[] classes;
    private final double scoreThreshold;
    private final YoloSettings settings;
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
        settings.requireClassesAmong(classCount);
        this.layout = layout;
        this.anchors = anchors;
        this.values = classCount + (layout == YoloLayout.YOLOV8 ? 4 : 5);
        this.classes = settings.classes().stream().mapToInt(Integer::intValue).distinct().toArray();
        this.scoreThreshold = settings.lowestScore();
        this.settings = settings;
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

    @Override
    public int valuesPerPicture(int output) {
        return valuesPerPicture();
    }

    @Override
    public List<PersonBox> decode(float[][] outputs, int index, Letterbox letterbox, int pictureWidth,
                                  int pictureHeight) {
        return decode(outputs[0], index, letterbox, pictureWidth, pictureHeight);
    }

    /** The boxes of picture {@code index} of a batch output, best first. */
    List<PersonBox> decode(float[] output, int index, Letterbox letterbox, int pictureWidth, int pictureHeight) {
        int base = index * anchors * values;
        boolean transposed = layout == YoloLayout.YOLOV8;
        int firstClass = transposed ? 4 : 5;
        PictureBoxes boxes = new PictureBoxes(letterbox, pictureWidth, pictureHeight, settings);
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
            boxes.add(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, best, bestClass);
        }
        return boxes.result();
    }

    private double at(float[] output, int base, int anchor, int value, boolean transposed) {
        return transposed ? output[base + value * anchors + anchor] : output[base + anchor * values + value];
    }
}
