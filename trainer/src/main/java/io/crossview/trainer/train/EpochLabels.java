package io.crossview.trainer.train;

/**
 * The classes one epoch trains on: a class per picture (−1: left out this epoch, such as a
 * clustering outlier), the class count and a short summary for the progress line.
 */
public record EpochLabels(int[] classes, int classCount, String summary, long nanos) {
    public EpochLabels {
        classes = classes.clone();
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** Indices of the pictures that take part this epoch. */
    public int[] members() {
        return java.util.stream.IntStream.range(0, classes.length).filter(i -> classes[i] >= 0).toArray();
    }
}
