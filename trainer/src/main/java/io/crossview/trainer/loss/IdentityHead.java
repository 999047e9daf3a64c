package io.crossview.trainer.loss;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The identity (classification) loss of one branch: a bias-free linear classifier over the
 * branch descriptor and cross-entropy with label smoothing 0.1, as in strong re-ID baselines.
 * Used only in training; the exported model has no classifier.
 */
public final class IdentityHead implements AutoCloseable {
    private static final double LABEL_SMOOTHING = 0.1;
    private final Module module = new Module();
    private final Tensor weight;
    private final int classes;
    private org.bytedeco.pytorch.Device device = io.crossview.trainer.model.TorchRuntime.CPU;

    public IdentityHead(String name, int dim, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("an identity loss needs at least 2 classes, got " + classes);
        }
        this.classes = classes;
        Tensor w = module.register_parameter(name + "_classifier", torch.randn(classes, dim).mul(new Scalar(0.001)));
        this.weight = io.crossview.trainer.model.Tensors.own(w);
    }

    public int classes() {
        return classes;
    }

    public void useDevice(org.bytedeco.pytorch.Device target) {
        module.to(target, false);
        this.device = target;
    }

    public TensorVector parameters() {
        return module.parameters();
    }

    /** Cross-entropy of the branch descriptors [B, dim] against labels [B] in 0..classes-1. */
    public Tensor loss(Tensor descriptors, Tensor labels) {
        Tensor logits = torch.linear(descriptors, weight);
        Tensor logProbabilities = torch.log_softmax(logits, 1);
        Tensor picked = logProbabilities.gather(1, labels.unsqueeze(1)).squeeze(1).neg();
        Tensor uniform = logProbabilities.mean(1).neg();
        return picked.mul(new Scalar(1 - LABEL_SMOOTHING)).add(uniform.mul(new Scalar(LABEL_SMOOTHING))).mean();
    }

    public void save(java.nio.file.Path file) {
        org.bytedeco.pytorch.OutputArchive archive = new org.bytedeco.pytorch.OutputArchive();
        module.save(archive);
        archive.save_to(file.toString());
    }

    public void load(java.nio.file.Path file) {
        org.bytedeco.pytorch.InputArchive archive = new org.bytedeco.pytorch.InputArchive();
        archive.load_from(file.toString(), new org.bytedeco.pytorch.DeviceOptional(device));
        module.load(archive);
    }

    @Override
    public void close() {
        module.close();
    }
}
