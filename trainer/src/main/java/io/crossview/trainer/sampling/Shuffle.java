package io.crossview.trainer.sampling;

import java.util.List;
import java.util.random.RandomGenerator;

/** Fisher-Yates shuffles on a {@link RandomGenerator}, which {@code Collections.shuffle} does not take. */
final class Shuffle {
    private Shuffle() {
    }

    static void shuffle(int[] values, RandomGenerator random) {
        io.crossview.common.random.Permutation.shuffle(values, random);
    }

    static <T> void shuffle(List<T> values, RandomGenerator random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            values.set(i, values.set(j, values.get(i)));
        }
    }
}
