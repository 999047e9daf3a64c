package io.crossview.trainer.sampling;

import java.util.SplittableRandom;

/** What both samplers share: the classes, P and K, the seeded randomness and one deck per class. */
final class Dealer {
    final ClassIndex classes;
    final int p;
    final int k;
    final SplittableRandom random;
    private final ClassDeck[] decks;

    Dealer(String sampler, int[] labels, int p, int k, long seed) {
        if (p < 1 || k < 1) {
            throw new IllegalArgumentException(sampler + " needs P >= 1 and K >= 1, got P=" + p + " K=" + k);
        }
        this.classes = ClassIndex.of(labels);
        this.p = Math.min(p, classes.classCount());
        this.k = k;
        this.random = new SplittableRandom(seed);
        this.decks = new ClassDeck[classes.classCount()];
        for (int c = 0; c < decks.length; c++) {
            decks[c] = new ClassDeck(classes.imagesView(c));
        }
    }

    /** Every class's images freshly shuffled: the start of an epoch. */
    void reset() {
        for (ClassDeck deck : decks) {
            deck.reset(random);
        }
    }

    /** K images of class {@code c} into {@code images} from {@code offset}. */
    void deal(int c, int[] images, int offset) {
        decks[c].deal(k, random, images, offset);
    }
}
