package io.crossview.trainer.loss;

import io.crossview.embedder.runtime.Embedding;
import io.crossview.trainer.model.Tensors;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The cluster-level memory of Cluster Contrast (Dai et al. 2021): one unit vector per
 * pseudo-label cluster, initialised to the cluster centroid, an InfoNCE loss of each descriptor
 * against all clusters, and a momentum update of the clusters the batch touched.
 *
 * <p>The memory is not a parameter: the loss pulls the network towards it, and the update moves
 * it towards the network. It is rebuilt whenever the pseudo-labels are.
 */
public final class ClusterMemory {
    public static final double DEFAULT_TEMPERATURE = 0.05;
    /** Weight of the old centroid in an update, 0.1 in the paper: the memory follows the batch closely. */
    public static final double DEFAULT_MOMENTUM = 0.1;

    private final float[][] centroids;
    private final double temperature;
    private final double momentum;
    private org.bytedeco.pytorch.Device device = io.crossview.trainer.model.TorchRuntime.CPU;

    /** Where {@link #loss} puts the memory: the device of the descriptors it is given. */
    public ClusterMemory on(org.bytedeco.pytorch.Device target) {
        this.device = target;
        return this;
    }

    private ClusterMemory(float[][] centroids, double temperature, double momentum) {
        this.centroids = centroids;
        this.temperature = temperature;
        this.momentum = momentum;
    }

    /**
     * A memory of the clusters' normalised mean descriptors.
     *
     * @param descriptors one L2-normalised row per picture
     * @param labels      the cluster of each picture, 0..clusters-1, or -1 for outliers (ignored)
     */
    public static ClusterMemory ofCentroids(float[][] descriptors, int[] labels, int clusters,
                                            double temperature, double momentum) {
        if (clusters < 1) {
            throw new IllegalArgumentException("a cluster memory needs at least one cluster");
        }
        if (!(temperature > 0) || momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("temperature must be positive and momentum in [0, 1)");
        }
        int dim = descriptors[0].length;
        float[][] sums = new float[clusters][dim];
        int[] counts = new int[clusters];
        for (int i = 0; i < descriptors.length; i++) {
            if (labels[i] >= 0) {
                counts[labels[i]]++;
                for (int d = 0; d < dim; d++) {
                    sums[labels[i]][d] += descriptors[i][d];
                }
            }
        }
        for (int c = 0; c < clusters; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("cluster " + c + " has no pictures");
            }
            sums[c] = Embedding.normalised(sums[c]);
        }
        return new ClusterMemory(sums, temperature, momentum);
    }

    public int clusters() {
        return centroids.length;
    }

    /** The centroid of cluster {@code c} (a copy). */
    public float[] centroid(int c) {
        return centroids[c].clone();
    }

    /** InfoNCE of L2-normalised descriptors [B, D] against every cluster; labels [B] int64. */
    public Tensor loss(Tensor descriptors, Tensor labels) {
        int dim = centroids[0].length;
        float[] flat = new float[centroids.length * dim];
        for (int c = 0; c < centroids.length; c++) {
            System.arraycopy(centroids[c], 0, flat, c * dim, dim);
        }
        Tensor memory = Tensors.floats(flat, device, centroids.length, dim);
        Tensor logits = descriptors.matmul(memory.t()).div(new Scalar(temperature));
        return torch.cross_entropy(logits, labels);
    }

    /** Moves each touched cluster towards the batch: c ← normalise(m·c + (1 − m)·f), picture by picture. */
    public void update(float[][] descriptors, int[] labels) {
        for (int i = 0; i < descriptors.length; i++) {
            float[] c = centroids[labels[i]];
            for (int d = 0; d < c.length; d++) {
                c[d] = (float) (momentum * c[d] + (1 - momentum) * descriptors[i][d]);
            }
            centroids[labels[i]] = Embedding.normalised(c);
        }
    }
}
