package io.crossview.trainer.backbone;

import io.crossview.common.tfjs.ConvChain;
import io.crossview.trainer.model.Tensors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A pretrained convolutional trunk in LibTorch, its weights taken from a {@link ConvChain} read
 * out of a TF.js graph (a MobileNetV2, say), trainable from there. Inputs are NCHW RGB in
 * [0, 1]; the chain's own input scaling is applied. TF's SAME padding pads the extra row and
 * column at the bottom and right, as TF does, so the trunk computes what the graph computes.
 * Batch normalisation was folded into the biases by the TF.js converter, so none is learnt.
 */
public final class ImportedTrunk {
    private record Layer(ConvChain.Step step, Tensor weight, Tensor bias) {
    }

    private final ConvChain chain;
    private final List<Layer> layers = new ArrayList<>();

    /** Registers the chain's weights as parameters of {@code owner} under {@code prefix_i_weight|bias}. */
    public ImportedTrunk(Module owner, String prefix, ConvChain chain) {
        this.chain = chain;
        int i = 0;
        for (ConvChain.Step step : chain.steps()) {
            if (step instanceof ConvChain.Conv c) {
                Tensor w = Tensors.own(owner.register_parameter(prefix + "_" + i + "_weight",
                        Tensors.floats(c.weight(), c.out(), c.in() / c.groups(), c.kernel(), c.kernel())));
                Tensor b = Tensors.own(owner.register_parameter(prefix + "_" + i + "_bias", Tensors.floats(c.bias(), c.out())));
                layers.add(new Layer(step, w, b));
            } else {
                layers.add(new Layer(step, null, null));
            }
            i++;
        }
    }

    public int outChannels() {
        return chain.outChannels();
    }

    /** The chain with the weights as they are now (trained), for the exporter. */
    public ConvChain trained() {
        List<ConvChain.Step> steps = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer.step() instanceof ConvChain.Conv c) {
                steps.add(new ConvChain.Conv(c.name(), c.from(), c.in(), c.out(), c.groups(), c.kernel(), c.stride(),
                        c.same(), Tensors.values(layer.weight()), Tensors.values(layer.bias()), c.activation()));
            } else {
                steps.add(layer.step());
            }
        }
        return new ConvChain(chain.input(), steps);
    }

    /** Feature maps [N, C, H', W'] of images [N, 3, H, W]. */
    public Tensor forward(Tensor images) {
        Map<String, Tensor> values = new HashMap<>();
        values.put(chain.input(), images);
        Tensor last = images;
        for (Layer layer : layers) {
            ConvChain.Step step = layer.step();
            if (step instanceof ConvChain.Conv c) {
                last = conv(c, values.get(c.from()), layer);
            } else if (step instanceof ConvChain.Add a) {
                last = values.get(a.a()).add(values.get(a.b()));
            } else if (step instanceof ConvChain.Affine f) {
                last = values.get(f.from()).mul(new Scalar(f.scale())).add(new Scalar(f.shift()));
            }
            values.put(layer.step().name(), last);
        }
        return last;
    }

    private static Tensor conv(ConvChain.Conv c, Tensor x, Layer layer) {
        long[] symmetric = {0, 0};
        if (c.same()) {
            long[] pads = samePads(x.size(2), x.size(3), c.kernel(), c.stride());
            if (pads[0] == pads[1] && pads[2] == pads[3]) {
                // the convolution pads evenly itself, without a padded copy of the input
                symmetric = new long[] {pads[2], pads[0]};
            } else {
                x = torch.constant_pad_nd(x, pads);
            }
        }
        Tensor y = torch.conv2d(x, layer.weight(), new TensorOptional(layer.bias()), new long[] {c.stride(), c.stride()},
                symmetric, new long[] {1, 1}, c.groups());
        return switch (c.activation()) {
            case NONE -> y;
            case RELU -> y.relu();
            case RELU6 -> torch.clamp(y, new ScalarOptional(new Scalar(0.0)), new ScalarOptional(new Scalar(6.0)));
        };
    }

    /** TF's SAME: out = ceil(in / stride); the padding that needs, the odd one at the end. Order: left, right, top, bottom. */
    public static long[] samePads(long height, long width, int kernel, int stride) {
        long padH = Math.max((ceilDiv(height, stride) - 1) * stride + kernel - height, 0);
        long padW = Math.max((ceilDiv(width, stride) - 1) * stride + kernel - width, 0);
        return new long[] {padW / 2, padW - padW / 2, padH / 2, padH - padH / 2};
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
