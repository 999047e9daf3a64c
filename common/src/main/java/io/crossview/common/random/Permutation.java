package io.crossview.common.random;

import java.util.random.RandomGenerator;

/** Random orders from a seeded generator, which {@code Collections.shuffle} does not take. */
public final class Permutation {
    private Permutation() {
    }

    /** 0..n-1 in a random order (Fisher-Yates). */
    public static int[] of(int n, RandomGenerator random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    /** Shuffles {@code values} in place (Fisher-Yates). */
    public static void shuffle(int[] values, RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int v = values[i];
            values[i] = values[j];
            values[j] = v;
        }
    }
}
