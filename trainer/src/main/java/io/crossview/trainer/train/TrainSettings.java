package io.crossview.trainer.train;

/**
 * How one training job learns: sampler, labels, budget and optimiser.
 *
 * @param epochs       passes over the data; a graph-sampler epoch is one batch per class
 * @param sampler      {@code GRAPH} (QAConv-GS) or {@code PK} (the baseline)
 * @param labels       {@code IDENTITY}: the matcher's identities as classes, an identity loss per
 *                     branch; {@code CLUSTERS}: Cluster Contrast pseudo-labels re-clustered every
 *                     epoch with the current model, and the cluster memory loss
 * @param p            classes per batch
 * @param k            pictures per class in a batch
 * @param learningRate Adam's step size
 * @param weightDecay  L2 penalty on the weights
 * @param margin       batch-hard triplet margin, on L2-normalised descriptors
 * @param augmentation what training pictures go through (torchreid's defaults: all of them)
 * @param seed         network initialisation, sampling and augmentation: one seed, one run
 * @param threads      LibTorch threads; 0 keeps its default (all cores)
 * @param graphBatches most batches of a graph-sampler epoch, anchored on classes drawn at random
 *                     (the graph is rebuilt every epoch); 0: one batch per class, as QAConv-GS does.
 *                     With thousands of classes an epoch of one batch per class is long, and the
 *                     graph ages over it.
 */
public record TrainSettings(int epochs, Sampler sampler, Labels labels, int p, int k, double learningRate,
                            double weightDecay, double margin, Augmentation augmentation, long seed, int threads,
                            int graphBatches) {
    public enum Sampler { GRAPH, PK }

    public enum Labels { IDENTITY, CLUSTERS }

    public static final TrainSettings DEFAULTS = new TrainSettings(10, Sampler.GRAPH, Labels.IDENTITY, 16, 4, 3.5e-4,
            5e-4, 0.3, Augmentation.ALL, 1, 0, 0);

    public TrainSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (sampler == null || labels == null || augmentation == null) {
            throw new IllegalArgumentException("sampler, labels and augmentation must be given");
        }
        if (p < 2 || k < 2) {
            throw new IllegalArgumentException("batches need p >= 2 classes of k >= 2 pictures (the triplet loss needs "
                    + "positives and negatives), got p=" + p + " k=" + k);
        }
        if (!(learningRate > 0) || learningRate > 1) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
        }
        if (weightDecay < 0 || !(margin > 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0 and margin > 0");
        }
        if (graphBatches < 0) {
            throw new IllegalArgumentException("graph batches must be >= 0 (0: one batch per class), got " + graphBatches);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0: LibTorch's default), got " + threads);
        }
    }

    public TrainSettings withEpochs(int e) {
        return new TrainSettings(e, sampler, labels, p, k, learningRate, weightDecay, margin, augmentation, seed, threads, graphBatches);
    }

    public TrainSettings withSampler(Sampler s) {
        return new TrainSettings(epochs, s, labels, p, k, learningRate, weightDecay, margin, augmentation, seed, threads, graphBatches);
    }

    public TrainSettings withLabels(Labels l) {
        return new TrainSettings(epochs, sampler, l, p, k, learningRate, weightDecay, margin, augmentation, seed, threads, graphBatches);
    }

    public TrainSettings withBatch(int classes, int pictures) {
        return new TrainSettings(epochs, sampler, labels, classes, pictures, learningRate, weightDecay, margin, augmentation, seed,
                threads, graphBatches);
    }

    public TrainSettings withSeed(long s) {
        return new TrainSettings(epochs, sampler, labels, p, k, learningRate, weightDecay, margin, augmentation, s, threads, graphBatches);
    }

    public TrainSettings withLearningRate(double lr) {
        return new TrainSettings(epochs, sampler, labels, p, k, lr, weightDecay, margin, augmentation, seed, threads, graphBatches);
    }

    public TrainSettings withThreads(int t) {
        return new TrainSettings(epochs, sampler, labels, p, k, learningRate, weightDecay, margin, augmentation, seed, t, graphBatches);
    }

    public TrainSettings withGraphBatches(int batches) {
        return new TrainSettings(epochs, sampler, labels, p, k, learningRate, weightDecay, margin, augmentation, seed, threads,
                batches);
    }

    public TrainSettings withAugmentation(Augmentation a) {
        return new TrainSettings(epochs, sampler, labels, p, k, learningRate, weightDecay, margin, a, seed, threads, graphBatches);
    }
}
