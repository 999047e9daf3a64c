package io.crossview.trainer.pretrain;

import io.crossview.trainer.model.Tensors;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * DINO's projection head, sized for two CPU cores: a hidden layer, an L2-normalised bottleneck,
 * and scores against K prototypes whose rows are kept unit length (DINO's normalised last layer).
 * Training only: the exported model has no head.
 */
final class ProjectionHead implements AutoCloseable {
    static final int HIDDEN = 256;
    static final int BOTTLENECK = 64;

    private final Module module = new Module();
    private final Tensor w1;
    private final Tensor b1;
    private final Tensor w2;
    private final Tensor b2;
    private final Tensor prototypes;

    ProjectionHead(String name, int dim, int prototypeCount) {
        w1 = Tensors.own(module.register_parameter(name + "_w1",
                torch.randn(HIDDEN, dim).mul(new Scalar(Math.sqrt(2.0 / dim)))));
        b1 = Tensors.own(module.register_parameter(name + "_b1", torch.zeros(HIDDEN)));
        w2 = Tensors.own(module.register_parameter(name + "_w2",
                torch.randn(BOTTLENECK, HIDDEN).mul(new Scalar(Math.sqrt(1.0 / HIDDEN)))));
        b2 = Tensors.own(module.register_parameter(name + "_b2", torch.zeros(BOTTLENECK)));
        prototypes = Tensors.own(module.register_parameter(name + "_prototypes", torch.randn(prototypeCount, BOTTLENECK)));
    }

    /** Prototype scores [N, K] of features [N, dim]. */
    Tensor scores(Tensor features) {
        Tensor h = torch.linear(features, w1, new TensorOptional(b1)).relu();
        Tensor z = torch.normalize(torch.linear(h, w2, new TensorOptional(b2)));
        return torch.linear(z, torch.normalize(prototypes));
    }

    TensorVector parameters() {
        return module.parameters();
    }

    void useDevice(Device device) {
        module.to(device, false);
    }

    @Override
    public void close() {
        module.close();
    }
}
