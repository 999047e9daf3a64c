package io.crossview.trainer.loss;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The batch-hard triplet loss (Hermans et al. 2017): for each picture, its farthest picture of
 * the same class and its nearest of another class, hinged at a margin. Distances are Euclidean
 * between L2-normalised descriptors, so the margin is on a 0..2 scale.
 */
public final class BatchHardTriplet {
    public static final double DEFAULT_MARGIN = 0.3;
    private final double margin;

    public BatchHardTriplet(double margin) {
        if (!(margin > 0)) {
            throw new IllegalArgumentException("triplet margin must be positive, got " + margin);
        }
        this.margin = margin;
    }

    /**
     * @param descriptors [B, D], L2-normalised rows
     * @param labels      [B] int64 class of each row; a batch with no positive or no negative
     *                    pair for a row still gives a finite loss for it
     */
    public Tensor loss(Tensor descriptors, Tensor labels) {
        Tensor similarity = descriptors.matmul(descriptors.t());
        Tensor distance = torch.clamp_min(similarity.mul(new Scalar(-2.0)).add(new Scalar(2.0)), new Scalar(1e-12)).sqrt();
        Tensor same = labels.unsqueeze(1).eq(labels.unsqueeze(0)).toType(torch.ScalarType.Float);
        // Hardest positive: largest distance among same-class pairs (different-class pairs masked to 0).
        Tensor hardestPositive = distance.mul(same).max(1).get0();
        // Hardest negative: smallest distance among other-class pairs (same-class pushed beyond reach).
        Tensor hardestNegative = distance.add(same.mul(new Scalar(4.0))).min(1).get0();
        return torch.relu(hardestPositive.sub(hardestNegative).add(new Scalar(margin))).mean();
    }
}
