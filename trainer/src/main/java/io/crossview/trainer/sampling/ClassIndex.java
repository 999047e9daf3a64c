package io.crossview.trainer.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The images of a data set grouped by class, classes numbered 0..count-1 in ascending label order.
 *
 * <p>Every per-class array the samplers and {@link ClassGraph} take or return (representatives,
 * distance matrix rows and columns) uses this numbering, so "ties by class id" means ties by
 * ascending label.
 */
public final class ClassIndex {
    private final int[] labels;
    private final int[] classOfImage;
    private final int[][] imagesOfClass;

    private ClassIndex(int[] labels, int[] classOfImage, int[][] imagesOfClass) {
        this.labels = labels;
        this.classOfImage = classOfImage;
        this.imagesOfClass = imagesOfClass;
    }

    /** Groups images by label: image {@code i} has label {@code labels[i]}. */
    public static ClassIndex of(int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("a sampler needs at least one labelled image");
        }
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(i);
        }
        int[] classLabels = new int[byLabel.size()];
        int[][] images = new int[byLabel.size()][];
        int[] classOfImage = new int[labels.length];
        int c = 0;
        for (var entry : byLabel.entrySet()) {
            classLabels[c] = entry.getKey();
            images[c] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            for (int image : images[c]) {
                classOfImage[image] = c;
            }
            c++;
        }
        return new ClassIndex(classLabels, classOfImage, images);
    }

    public int classCount() {
        return labels.length;
    }

    public int imageCount() {
        return classOfImage.length;
    }

    /** The data set label of class {@code c}. */
    public int label(int c) {
        return labels[c];
    }

    /** The class number (not the label) of an image. */
    public int classOf(int image) {
        return classOfImage[image];
    }

    public int size(int c) {
        return imagesOfClass[c].length;
    }

    /** The images of class {@code c}, ascending. */
    public int[] images(int c) {
        return imagesOfClass[c].clone();
    }

    // Shared, not copied: for the samplers' decks, which copy it once per class.
    int[] imagesView(int c) {
        return imagesOfClass[c];
    }

    @Override
    public String toString() {
        return "ClassIndex[classes=" + labels.length + ", images=" + classOfImage.length
                + ", labels=" + Arrays.toString(Arrays.copyOf(labels, Math.min(8, labels.length)))
                + (labels.length > 8 ? "...]" : "]");
    }
}
