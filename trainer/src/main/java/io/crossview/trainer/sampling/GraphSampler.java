package io.crossview.trainer.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * The QAConv-GS graph sampler: every class anchors one batch of itself and its P−1 nearest
 * classes, K images each, so every batch is full of hard, similar-looking identities.
 *
 * <p>An epoch is one batch per class ({@code classCount} batches of P×K), in shuffled order. Each
 * epoch starts from freshly shuffled per-class image lists, dealt K at a time without replacement
 * and reshuffled when they run out (see {@link ClassDeck}); a class with fewer than K images
 * repeats some of them. A class that appears in m batches of an epoch therefore contributes
 * exactly min(n, K·m) distinct of its n images: all of them whenever n ≤ K·m.
 *
 * <p>With fewer than P classes, P is clamped to the class count, so every batch holds all classes.
 * Not thread-safe: one sampler per training loop.
 */
public final class GraphSampler {
    private final Dealer dealer;
    private final ClassIndex classes;
    private final int p;
    private final int k;

    /**
     * @param labels image i has class labels[i]
     * @param p      classes per batch (the anchor and p−1 neighbours), clamped to the class count
     * @param k      images per class in a batch
     * @param seed   the same seed, labels and distance matrices give the same epochs
     */
    public GraphSampler(int[] labels, int p, int k, long seed) {
        this.dealer = new Dealer("graph sampler", labels, p, k, seed);
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

    /**
     * The next epoch's batches for this epoch's class distances.
     *
     * @param distances classCount × classCount, {@code distances[a][b]} from class a to class b as
     *                  numbered by {@link #classes()}, e.g. {@link ClassGraph#distances} of the
     *                  embedded {@link ClassGraph#pickRepresentatives representatives}
     */
    public Epoch epoch(float[][] distances) {
        return epoch(distances, 0);
    }

    /**
     * As {@link #epoch(float[][])}, but at most {@code maxBatches} batches (0: no limit), anchored
     * on classes drawn at random without repeats.
     */
    public Epoch epoch(float[][] distances, int maxBatches) {
        long start = System.nanoTime();
        int count = classes.classCount();
        if (distances == null || distances.length != count) {
            throw new IllegalArgumentException("graph sampler needs a " + count + "×" + count
                    + " class distance matrix, got " + (distances == null ? "none" : distances.length + " rows"));
        }
        int[][] neighbours = ClassGraph.nearest(distances, p - 1);
        long graphNanos = System.nanoTime() - start;

        dealer.reset();
        List<Batch> batches = new ArrayList<>(count);
        int[] images = new int[p * k];
        for (int anchor = 0; anchor < count; anchor++) {
            dealer.deal(anchor, images, 0);
            for (int i = 0; i < p - 1; i++) {
                int neighbour = neighbours[anchor][i];
                dealer.deal(neighbour, images, (i + 1) * k);
            }
            batches.add(new Batch(images));
        }
        // Built in anchor order so the decks are dealt deterministically; trained in random order.
        Shuffle.shuffle(batches, dealer.random);
        if (maxBatches > 0 && batches.size() > maxBatches) {
            batches = new ArrayList<>(batches.subList(0, maxBatches));
        }
        return new Epoch(batches, System.nanoTime() - start, graphNanos);
    }
}
