package io.crossview.common.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PermutationTest {
    @Test
    void holdsEveryIndexOnceInAnOrderTheSeedRepeats() {
        int[] a = Permutation.of(50, new SplittableRandom(4));
        assertArrayEquals(IntStream.range(0, 50).toArray(), Arrays.stream(a).sorted().toArray());
        assertArrayEquals(a, Permutation.of(50, new SplittableRandom(4)));
        assertFalse(Arrays.equals(a, IntStream.range(0, 50).toArray()), "not the identity");
        assertFalse(Arrays.equals(a, Permutation.of(50, new SplittableRandom(5))));
    }
}
