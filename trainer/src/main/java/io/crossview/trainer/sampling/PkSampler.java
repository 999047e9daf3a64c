package io.crossview.trainer.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline PK sampler: batches of P random classes × K images each.
 *
 * <p>An epoch is defined per class, so that it uses every image at least once: a class with n
 * images owes ceil(n / K) turns, one turn being K of its images dealt from its freshly shuffled
 * list (see {@link ClassDeck}). Each batch serves the P classes with the most turns left, ties
 * broken at random, so the classes in a batch change from batch to batch. Once fewer than P classes
 * owe turns, the rest of each batch is filled with other random classes. The epoch ends when no
 * class owes a turn, after exactly max(ceil(T / P), t) batches, T being the turns of all classes
 * and t the most turns of one class: the fewest any sampler that keeps P distinct classes per
 * batch could manage.
 *
 * <p>With fewer than P classes, P is clamped to the class count. Not thread-safe.
 */
public final class PkSampler {
    private final Dealer dealer;
    private final ClassIndex classes;
    private final int p;
    private final int k;

    /**
     * @param labels image i has class labels[i]
     * @param p      distinct classes per batch, clamped to the class count
     * @param k      images per class in a batch
     * @param seed   the same seed and labels give the same epochs
     */
    public PkSampler(int[] labels, int p, int k, long seed) {
        this.dealer = new Dealer("PK sampler", labels, p, k, seed);
        this.classes = dealer.classes;
        this.p = dealer.p;
        this.k = dealer.k;
    }

    public ClassIndex classes() {
        return classes;
    }

    /** Classes per batch after clamping to the class count. */
    public int p() {
        return p;
    }

    public int k() {
        return k;
    }

    /** The number of batches every epoch has: max(ceil(T / P), t) as in the class comment. */
    public int batchesPerEpoch() {
        long turns = 0;
        int most = 0;
        for (int c = 0; c < classes.classCount(); c++) {
            int t = turns(c);
            turns += t;
            most = Math.max(most, t);
        }
        return (int) Math.max((turns + p - 1) / p, most);
    }

    /** The next epoch's batches. */
    public Epoch epoch() {
        long start = System.nanoTime();
        int count = classes.classCount();
        int[] owed = new int[count];
        for (int c = 0; c < count; c++) {
            owed[c] = turns(c);
        }
        dealer.reset();
        int[] order = new int[count];
        for (int c = 0; c < count; c++) {
            order[c] = c;
        }
        long[] keys = new long[count];
        List<Batch> batches = new ArrayList<>();
        int[] images = new int[p * k];
        while (true) {
            // Random order first, then a stable sort by turns owed (most first): ties stay random.
            Shuffle.shuffle(order, dealer.random);
            for (int i = 0; i < count; i++) {
                keys[i] = ((long) -owed[order[i]] << 32) | i;
            }
            Arrays.sort(keys);
            if (owed[order[(int) keys[0]]] == 0) {
                break;
            }
            for (int slot = 0; slot < p; slot++) {
                // Classes that owe nothing sort last, after those that do, in random order: the fillers.
                int c = order[(int) keys[slot]];
                dealer.deal(c, images, slot * k);
                if (owed[c] > 0) {
                    owed[c]--;
                }
            }
            batches.add(new Batch(images));
        }
        return new Epoch(batches, System.nanoTime() - start, 0);
    }

    private int turns(int c) {
        return (classes.size(c) + k - 1) / k;
    }
}
