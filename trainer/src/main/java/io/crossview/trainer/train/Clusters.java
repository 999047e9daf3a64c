package io.crossview.trainer.train;

import io.crossview.trainer.labels.Clustering;
import io.crossview.trainer.labels.PseudoLabels;

/**
 * Labels every epoch with Cluster Contrast pseudo-labels: the current network describes every
 * picture, DBSCAN on the k-reciprocal Jaccard distance groups them, tracks are must-links, and
 * outliers sit the epoch out. The matcher's identities are not used.
 */
public final class Clusters implements Trainer.Labeller {
    private final PseudoLabels.Settings settings;

    public Clusters(PseudoLabels.Settings settings) {
        this.settings = settings;
    }

    @Override
    public EpochLabels label(int epoch, TrainingSet data, float[][] descriptors) {
        Clustering c = PseudoLabels.assign(descriptors, data.tracks(), settings);
        if (c.clusters() < 2) {
            throw new IllegalStateException("clustering found " + c.clusters() + " cluster(s) in " + data.size()
                    + " pictures at eps " + settings.eps() + "; training needs at least 2 (raise eps, or train on the"
                    + " matcher's identities)");
        }
        return new EpochLabels(c.labels(), c.clusters(), c.summary(),
                c.distanceNanos() + c.clusterNanos());
    }

    @Override
    public boolean needsDescriptors() {
        return true;
    }

    @Override
    public boolean fixedClasses() {
        return false;
    }
}
