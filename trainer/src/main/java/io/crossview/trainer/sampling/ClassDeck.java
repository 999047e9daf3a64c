package io.crossview.trainer.sampling;

import java.util.random.RandomGenerator;

/**
 * The shuffled image list of one class, dealt K at a time without replacement and reshuffled
 * when it runs out.
 */
final class ClassDeck {
    private final int[] deck;
    private int next;

    ClassDeck(int[] images) {
        this.deck = images.clone();
        this.next = deck.length;
    }

    /** Starts a new cycle: a fresh shuffle, nothing dealt yet. */
    void reset(RandomGenerator random) {
        Shuffle.shuffle(deck, random);
        next = 0;
    }

    /**
     * Writes {@code k} images of this class into {@code out[offset..offset+k)}.
     *
     * <p>With at least {@code k} images the {@code k} are distinct: if the cycle ends part-way, the
     * deck is reshuffled and the images already dealt into this batch are moved to the end of the
     * new cycle, so the rest come from the others and the new cycle still deals every image once.
     * With fewer than {@code k} images every image is written once and the remaining slots are
     * drawn with replacement, the only way a small class can fill its K slots.
     */
    void deal(int k, RandomGenerator random, int[] out, int offset) {
        int n = deck.length;
        if (n < k) {
            Shuffle.shuffle(deck, random);
            System.arraycopy(deck, 0, out, offset, n);
            for (int i = n; i < k; i++) {
                out[offset + i] = deck[random.nextInt(n)];
            }
            next = n;
            return;
        }
        int taken = Math.min(k, n - next);
        System.arraycopy(deck, next, out, offset, taken);
        next += taken;
        if (taken == k) {
            return;
        }
        Shuffle.shuffle(deck, random);
        moveToEnd(out, offset, taken);
        System.arraycopy(deck, 0, out, offset + taken, k - taken);
        next = k - taken;
    }

    // Stable partition: images not in out[offset..offset+count) first, those in it last.
    private void moveToEnd(int[] out, int offset, int count) {
        if (count == 0) {
            return;
        }
        int[] tail = new int[count];
        int head = 0;
        int t = 0;
        for (int image : deck) {
            if (contains(out, offset, count, image)) {
                tail[t++] = image;
            } else {
                deck[head++] = image;
            }
        }
        System.arraycopy(tail, 0, deck, head, t);
    }

    private static boolean contains(int[] values, int offset, int count, int value) {
        for (int i = offset; i < offset + count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
