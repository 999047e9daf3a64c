package io.crossview.trainer.model;

import io.crossview.common.tfjs.ConvChain;
import io.crossview.trainer.backbone.ImportedTrunk;
import java.nio.file.Path;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The trainable re-ID network, after JLML: a shared convolutional trunk, then a global branch
 * (pooled over the whole picture) and a local branch (pooled per horizontal stripe, as in JLML
 * and PASS), each ending in an embedding layer. The test-time descriptor is the two branch
 * descriptors, each L2-normalised, side by side.
 *
 * <pre>
 * stem 3x3/2 → block1 3x3 + pool → block2 3x3 + pool ─┬→ global 3x3 → mean → embed 1x1 → global [G]
 *   (or a pretrained {@link ImportedTrunk})            └→ local 3x3 → stripe means → embed 1x1 → parts [S, P]
 * </pre>
 */
public final class ReidNet implements AutoCloseable {
    private final NetShape shape;
    private final Module module = new Module();
    private Device device = TorchRuntime.CPU;
    final ConvBn stem;
    final ConvBn block1;
    final ConvBn block2;
    private final ImportedTrunk imported;
    final ConvBn globalConv;
    final ConvBn globalEmbed;
    final ConvBn localConv;
    final ConvBn localEmbed;

    /** A network with fresh weights drawn from torch's generator seeded with {@code seed}. */
    public ReidNet(NetShape shape, long seed) {
        this(shape, seed, null);
    }

    /**
     * A network whose trunk starts from {@code pretrained} (required for, and only for, an
     * imported backbone) and whose heads start from weights drawn with {@code seed}.
     */
    public ReidNet(NetShape shape, long seed, ConvChain pretrained) {
        this.shape = shape;
        torch.manual_seed(seed);
        int[] c = shape.channels();
        boolean builtin = shape.backbone() == NetShape.Backbone.BUILTIN;
        if (builtin != (pretrained == null)) {
            throw new IllegalArgumentException(builtin ? "the built-in trunk takes no pretrained chain"
                    : "a " + shape.backbone() + " network needs its pretrained chain");
        }
        if (!builtin && pretrained.outChannels() != c[2]) {
            throw new IllegalArgumentException("the pretrained trunk ends in " + pretrained.outChannels()
                    + " channels, the shape says " + c[2]);
        }
        stem = builtin ? new ConvBn(module, "stem", 3, c[0], 3, 2) : null;
        block1 = builtin ? new ConvBn(module, "block1", c[0], c[1], 3, 1) : null;
        block2 = builtin ? new ConvBn(module, "block2", c[1], c[2], 3, 1) : null;
        imported = builtin ? null : new ImportedTrunk(module, "trunk", pretrained);
        globalConv = new ConvBn(module, "global", c[2], c[3], 3, 1);
        globalEmbed = new ConvBn(module, "global_embed", c[3], shape.globalDim(), 1, 1);
        localConv = new ConvBn(module, "local", c[2], c[3], 3, 1);
        localEmbed = new ConvBn(module, "local_embed", c[3], shape.partDim(), 1, 1);
    }

    public NetShape shape() {
        return shape;
    }

    /** Moves the weights to {@code device}; inputs of {@link #describe} follow them there. */
    public void useDevice(Device target) {
        module.to(target, false);
        this.device = target;
    }

    public Device device() {
        return device;
    }

    /** What one forward pass gives: the branch descriptors and the test-time descriptor. */
    public record Features(Tensor global, Tensor local, Tensor descriptor) {
    }

    /** A forward pass over images [N, 3, H, W], preprocessed as {@link #preprocessing} says. */
    public Features forward(Tensor images, boolean training) {
        Tensor h = trunk(images, training);

        Tensor g = globalConv.forward(h, training).relu();
        g = torch.adaptive_avg_pool2d(g, 1, 1);
        Tensor global = globalEmbed.forward(g, training).reshape(-1, shape.globalDim());

        Tensor l = localConv.forward(h, training).relu();
        long rows = shape.featureRows() / shape.stripes();
        l = torch.avg_pool2d(l, new long[] {rows, shape.featureCols()}, new long[] {rows, shape.featureCols()},
                new long[] {0, 0}, false, true, new org.bytedeco.pytorch.LongOptional());
        Tensor parts = localEmbed.forward(l, training).reshape(-1, shape.partDim(), shape.stripes()).permute(0, 2, 1);
        Tensor local = parts.reshape(-1, shape.localDim());

        Tensor descriptor = torch.cat(new TensorVector(torch.normalize(global), torch.normalize(local)), 1);
        return new Features(global, local, descriptor);
    }

    /**
     * The local branch pooled over the whole of each picture [N, P]: what a crop of one horizontal
     * part gives (PASS's local views), whatever its size.
     */
    public Tensor partEmbedding(Tensor images, boolean training) {
        Tensor l = localConv.forward(trunk(images, training), training).relu();
        return localEmbed.forward(torch.adaptive_avg_pool2d(l, 1, 1), training).reshape(-1, shape.partDim());
    }

    /** Test-time descriptors of a batch of preprocessed images, one row each (not normalised as a whole). */
    public float[][] describe(float[] images, int count) {
        boolean wasTraining = module.is_training();
        module.eval();
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor x = Tensors.floats(images, device, count, 3, shape.height(), shape.width());
            return Tensors.rows(forward(x, false).descriptor());
        } finally {
            module.train(wasTraining);
        }
    }

    private Tensor trunk(Tensor images, boolean training) {
        if (imported != null) {
            return imported.forward(images);
        }
        Tensor h = stem.forward(images, training).relu();
        h = pool(block1.forward(h, training).relu());
        return pool(block2.forward(h, training).relu());
    }

    /** The running statistics of the normalisation layers, in a fixed order (for a momentum copy). */
    public TensorVector buffers() {
        return module.buffers();
    }

    public void train(boolean on) {
        module.train(on);
    }

    public TensorVector parameters() {
        return module.parameters();
    }

    /** The number of trainable weights. */
    public long parameterCount() {
        long n = 0;
        TensorVector p = module.parameters();
        for (long i = 0; i < p.size(); i++) {
            n += p.get(i).numel();
        }
        return n;
    }

    /** The built-in trunk's layers in graph order, batch normalisation folded in, for the exporter. */
    public java.util.List<ConvBn.Folded> foldedTrunk() {
        if (imported != null) {
            throw new IllegalStateException("the trunk is imported: see importedTrunk()");
        }
        return java.util.List.of(stem.fold(), block1.fold(), block2.fold());
    }

    /** The imported trunk with its trained weights, if the network has one. */
    public java.util.Optional<ConvChain> importedTrunk() {
        return java.util.Optional.ofNullable(imported).map(ImportedTrunk::trained);
    }

    /** The branches' layers, normalisation folded in: global conv, global embed, local conv, local embed. */
    public java.util.List<ConvBn.Folded> foldedHeads() {
        return java.util.List.of(globalConv.fold(), globalEmbed.fold(), localConv.fold(), localEmbed.fold());
    }

    public void save(Path file) {
        OutputArchive archive = new OutputArchive();
        module.save(archive);
        archive.save_to(file.toString());
    }

    /** Loads weights and running statistics saved by {@link #save} from a network of the same shape. */
    public void load(Path file) {
        InputArchive archive = new InputArchive();
        // loaded straight onto the weights' device: loading CPU tensors would move the weights back
        archive.load_from(file.toString(), new org.bytedeco.pytorch.DeviceOptional(device));
        module.load(archive);
    }

    private static Tensor pool(Tensor x) {
        return torch.max_pool2d(x, new long[] {2, 2}, new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, false);
    }

    @Override
    public void close() {
        module.close();
    }
}
