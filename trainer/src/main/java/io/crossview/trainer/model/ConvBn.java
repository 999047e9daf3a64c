package io.crossview.trainer.model;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A convolution without bias followed by batch normalisation: the one layer kind of the network.
 * Its parameters live in the owning module under {@code name_*}, so checkpoints name them.
 */
public final class ConvBn {
    /** PyTorch's defaults, which the exporter folds with the same epsilon. */
    public static final double BN_MOMENTUM = 0.1;
    public static final double BN_EPS = 1e-5;

    private final String name;
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final Tensor weight;
    private final Tensor gamma;
    private final Tensor beta;
    private final Tensor runningMean;
    private final Tensor runningVar;

    ConvBn(Module owner, String name, int in, int out, int kernel, int stride) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        // He initialisation for the ReLU that follows most layers.
        double std = Math.sqrt(2.0 / (in * kernel * kernel));
        this.weight = Tensors.own(owner.register_parameter(name + "_weight",
                torch.randn(out, in, kernel, kernel).mul(new org.bytedeco.pytorch.Scalar(std))));
        this.gamma = Tensors.own(owner.register_parameter(name + "_bn_weight", torch.ones(out)));
        this.beta = Tensors.own(owner.register_parameter(name + "_bn_bias", torch.zeros(out)));
        this.runningMean = Tensors.own(owner.register_buffer(name + "_bn_mean", torch.zeros(out)));
        this.runningVar = Tensors.own(owner.register_buffer(name + "_bn_var", torch.ones(out)));
    }

    /** In training, normalises by the batch and updates the running statistics; otherwise uses them. */
    public Tensor forward(Tensor x, boolean training) {
        long pad = kernel / 2;
        Tensor y = torch.conv2d(x, weight, new TensorOptional(), new long[] {stride, stride}, new long[] {pad, pad},
                new long[] {1, 1}, 1);
        return torch.batch_norm(y, new TensorOptional(gamma), new TensorOptional(beta), new TensorOptional(runningMean),
                new TensorOptional(runningVar), training, BN_MOMENTUM, BN_EPS, false);
    }

    /**
     * The layer with its normalisation folded in, as inference sees it:
     * w' = w·γ/√(var+ε), b' = β − mean·γ/√(var+ε).
     */
    public Folded fold() {
        float[] w = Tensors.values(weight);
        float[] g = Tensors.values(gamma);
        float[] b = Tensors.values(beta);
        float[] mean = Tensors.values(runningMean);
        float[] var = Tensors.values(runningVar);
        int perOut = in * kernel * kernel;
        float[] foldedW = new float[w.length];
        float[] foldedB = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = g[o] / Math.sqrt(var[o] + BN_EPS);
            for (int i = 0; i < perOut; i++) {
                foldedW[o * perOut + i] = (float) (w[o * perOut + i] * scale);
            }
            foldedB[o] = (float) (b[o] - mean[o] * scale);
        }
        return new Folded(name, in, out, kernel, stride, foldedW, foldedB);
    }

    /** A plain convolution with bias: what {@link #fold()} gives the exporter. */
    public record Folded(String name, int in, int out, int kernel, int stride, float[] weight, float[] bias) {
        public int pad() {
            return kernel / 2;
        }
    }
}
