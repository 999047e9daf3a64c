package io.crossview.trainer.sampling;

import java.util.Arrays;

/**
 * One training batch: indices into the data set's label array, grouped by class (K consecutive
 * images per class, classes in the order the sampler chose them).
 *
 * <p>The array is copied in and out so a batch cannot change after it was built; equality is by
 * content so two epochs can be compared directly.
 */
public record Batch(int[] images) {
    public Batch {
        if (images == null || images.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one image");
        }
        images = images.clone();
    }

    @Override
    public int[] images() {
        return images.clone();
    }

    public int size() {
        return images.length;
    }

    public int image(int position) {
        return images[position];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Batch batch && Arrays.equals(images, batch.images);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(images);
    }

    @Override
    public String toString() {
        return "Batch" + Arrays.toString(images);
    }
}
