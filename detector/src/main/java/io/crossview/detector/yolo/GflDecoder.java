package io.crossview.detector.yolo;

import io.crossview.detector.PersonBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes a NanoDet head (Generalized Focal Loss): per stride, class scores (sigmoid applied)
 * {@code [N, cells, C]} and box distributions {@code [N, cells, 4 x bins]}. Each side's distance
 * from the cell centre is the expectation of a softmax over its bins, times the stride.
 */
final class GflDecoder implements BoxDecoder {
    /** NanoDet's strides; the head has one level per stride. */
    static final int[] STRIDES = {8, 16, 32};
    /** Distribution widths of the released NanoDet heads fit in this many values per side. */
    private static final int MAX_BINS = 17;

    /**
     * One level of the head: its stride and grid, and which of the decoder's outputs hold its
     * scores and distributions.
     */
    record Level(int stride, int cols, int rows, int scoreOutput, int boxOutput) {
        int cells() {
            return cols * rows;
        }
    }

    private final List<Level> levels;
    private final int classCount;
    private final int bins;
    private final int[] classes;
    private final double scoreThreshold;
    private final YoloSettings settings;

    GflDecoder(List<Level> levels, int classCount, int bins, YoloSettings settings) {
        settings.requireClassesAmong(classCount);
        this.levels = List.copyOf(levels);
        this.classCount = classCount;
        this.bins = bins;
        this.classes = settings.classes().stream().mapToInt(Integer::intValue).distinct().toArray();
        this.scoreThreshold = settings.lowestScore();
        this.settings = settings;
    }

    /**
     * The head of outputs of these shapes (batch first) for a {@code width x height} input, or
     * null when they are not a NanoDet head: three pairs of rank-3 outputs, one pair per stride
     * with as many rows as that stride's grid has cells; in each pair the distributions are the
     * output of 4 x bins values (bins 2..17), the scores the other.
     */
    static GflDecoder of(List<long[]> shapes, int width, int height, YoloSettings settings) {
        if (shapes.size() != 2 * STRIDES.length) {
            return null;
        }
        List<Level> levels = new ArrayList<>();
        int classCount = -1;
        int bins = -1;
        for (int stride : STRIDES) {
            int cols = ceilDiv(width, stride);
            int rows = ceilDiv(height, stride);
            List<Integer> pair = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                long[] s = shapes.get(i);
                if (s.length == 3 && s[1] == (long) cols * rows) {
                    pair.add(i);
                }
            }
            if (pair.size() != 2) {
                return null;
            }
            pair.sort(Comparator.comparing(i -> isDistribution(shapes.get(i)[2]) ? 1 : 0));
            long scores = shapes.get(pair.get(0))[2];
            long distributions = shapes.get(pair.get(1))[2];
            if (isDistribution(scores) || !isDistribution(distributions)
                    || (classCount >= 0 && (classCount != scores || bins != distributions / 4))) {
                return null;
            }
            classCount = (int) scores;
            bins = (int) distributions / 4;
            levels.add(new Level(stride, cols, rows, pair.get(0), pair.get(1)));
        }
        return new GflDecoder(levels, classCount, bins, settings);
    }

    /** The outputs a NanoDet head has for this input size, for an error line. */
    static String expected(int width, int height) {
        StringBuilder s = new StringBuilder("six outputs for a " + width + "x" + height + " input: ");
        for (int stride : STRIDES) {
            int cells = ceilDiv(width, stride) * ceilDiv(height, stride);
            s.append("[N, ").append(cells).append(", C] and [N, ").append(cells).append(", 4 x bins]")
                    .append(stride == STRIDES[STRIDES.length - 1] ? "" : ", ");
        }
        return s.toString();
    }

    private static boolean isDistribution(long channels) {
        return channels % 4 == 0 && channels / 4 >= 2 && channels / 4 <= MAX_BINS;
    }

    int classCount() {
        return classCount;
    }

    int bins() {
        return bins;
    }

    /** The outputs the decoder reads, in its order: for each stride, scores then distributions. */
    int[] outputOrder() {
        return levels.stream().flatMapToInt(l -> Arrays.stream(new int[] {l.scoreOutput(), l.boxOutput()}))
                .toArray();
    }

    @Override
    public int valuesPerPicture(int output) {
        Level level = levels.get(output / 2);
        return level.cells() * (output % 2 == 0 ? classCount : 4 * bins);
    }

    /** Reads outputs in {@link #outputOrder()}: scores and distributions of stride 8, then 16, then 32. */
    @Override
    public List<PersonBox> decode(float[][] outputs, int index, Letterbox letterbox, int pictureWidth,
                                  int pictureHeight) {
        PictureBoxes boxes = new PictureBoxes(letterbox, pictureWidth, pictureHeight, settings);
        for (int l = 0; l < levels.size(); l++) {
            Level level = levels.get(l);
            float[] scores = outputs[2 * l];
            float[] distributions = outputs[2 * l + 1];
            int scoreBase = index * level.cells() * classCount;
            int boxBase = index * level.cells() * 4 * bins;
            for (int a = 0; a < level.cells(); a++) {
                int bestClass = -1;
                double best = -1;
                for (int c : classes) {
                    double s = scores[scoreBase + a * classCount + c];
                    if (s > best) {
                        best = s;
                        bestClass = c;
                    }
                }
                if (!(best >= scoreThreshold)) {
                    continue;
                }
                double cx = (a % level.cols() + 0.5) * level.stride();
                double cy = (a / level.cols() + 0.5) * level.stride();
                int at = boxBase + a * 4 * bins;
                double left = expectation(distributions, at) * level.stride();
                double top = expectation(distributions, at + bins) * level.stride();
                double right = expectation(distributions, at + 2 * bins) * level.stride();
                double bottom = expectation(distributions, at + 3 * bins) * level.stride();
                boxes.add(cx - left, cy - top, cx + right, cy + bottom, best, bestClass);
            }
        }
        return boxes.result();
    }

    /** The mean bin of a softmax over {@code bins} logits starting at {@code from}. */
    private double expectation(float[] logits, int from) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, logits[from + i]);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < bins; i++) {
            double e = Math.exp(logits[from + i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
