package io.crossview.trainer.train;

import io.crossview.common.tfjs.ConvChain;
import io.crossview.embedder.runtime.Embedding;
import io.crossview.trainer.loss.BatchHardTriplet;
import io.crossview.trainer.loss.ClusterMemory;
import io.crossview.trainer.loss.IdentityHead;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.model.Tensors;
import io.crossview.trainer.model.TorchRuntime;
import io.crossview.trainer.sampling.Batch;
import io.crossview.trainer.sampling.ClassGraph;
import io.crossview.trainer.sampling.ClassIndex;
import io.crossview.trainer.sampling.Epoch;
import io.crossview.trainer.sampling.GraphSampler;
import io.crossview.trainer.sampling.PkSampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Trains a {@link ReidNet} on a {@link TrainingSet}: per epoch, labels (fixed identities or fresh
 * pseudo-labels), batches from the chosen sampler, and Adam on the identity or cluster-memory
 * loss plus the batch-hard triplet loss. Checkpoints after every epoch and resumes from them.
 */
public final class Trainer {
    /** Called after every epoch with the network as it now is (for evaluation curves). */
    public interface Listener {
        void epochDone(EpochReport report, ReidNet net) throws IOException;
    }

    private static final int DESCRIBE_BATCH = 64;

    private final TrainSettings settings;
    private final NetShape shape;
    private final Labeller labeller;
    private final ConvChain pretrained;
    private java.nio.file.Path startingWeights;

    public Trainer(TrainSettings settings, NetShape shape, Labeller labeller) {
        this(settings, shape, labeller, null);
    }

    /** @param pretrained the trunk an imported-backbone shape starts from (null for the built-in trunk) */
    public Trainer(TrainSettings settings, NetShape shape, Labeller labeller, ConvChain pretrained) {
        this.settings = settings;
        this.shape = shape;
        this.labeller = labeller;
        this.pretrained = pretrained;
    }

    /**
     * Starts from weights saved with {@link ReidNet#save} (a PASS pre-training, say) instead of the
     * initialisation; a checkpoint to resume from still wins.
     */
    public Trainer startingFrom(java.nio.file.Path weights) {
        this.startingWeights = weights;
        return this;
    }

    /** Chooses the labels of each epoch. */
    public interface Labeller {
        EpochLabels label(int epoch, TrainingSet data, float[][] descriptors);

        /** Whether {@link #label} needs every picture described with the current network first. */
        boolean needsDescriptors();

        /** Whether the labels are fixed classes trained with identity heads (else a cluster memory). */
        boolean fixedClasses();
    }

    /**
     * Trains for the configured epochs and returns the network (the caller closes it).
     *
     * @param checkpoints a folder to checkpoint into and resume from, or null for none
     */
    public ReidNet train(TrainingSet data, Path checkpoints, Listener listener) throws IOException {
        TorchRuntime.prepare(shape, settings.threads());
        ReidNet net = new ReidNet(shape, settings.seed(), pretrained);
        org.bytedeco.pytorch.Device device = TorchRuntime.device();
        net.useDevice(device);
        if (startingWeights != null) {
            net.load(startingWeights);
        }
        List<IdentityHead> heads = new ArrayList<>();
        if (labeller.fixedClasses()) {
            heads.add(new IdentityHead("global", shape.globalDim(), data.classCount()));
            heads.add(new IdentityHead("local", shape.localDim(), data.classCount()));
        }
        // TensorVector.put(TensorVector) assigns rather than appends: add tensor by tensor.
        heads.forEach(h -> h.useDevice(device));
        TensorVector parameters = new TensorVector();
        appendAll(parameters, net.parameters());
        heads.forEach(h -> appendAll(parameters, h.parameters()));
        AdamOptions options = new AdamOptions(settings.learningRate());
        options.weight_decay().put(settings.weightDecay());
        Adam adam = new Adam(parameters, options);
        BatchHardTriplet triplet = new BatchHardTriplet(settings.margin());

        Checkpoint checkpoint = checkpoints == null ? null : new Checkpoint(checkpoints);
        int firstEpoch = 1;
        long batchesSoFar = 0;
        Checkpoint.State saved = checkpoint == null ? null : checkpoint.read();
        if (saved != null) {
            checkResumable(saved, data);
            checkpoint.restore(net, heads, adam);
            firstEpoch = saved.epoch() + 1;
            batchesSoFar = saved.batches();
        }

        for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            // One random stream per epoch: a resumed job draws what an uninterrupted one would have.
            SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + epoch);
            float[][] all = labeller.needsDescriptors() ? unit(describe(net, data, allIndices(data.size()))) : null;
            EpochLabels labels = labeller.label(epoch, data, all);
            int[] members = labels.members();
            int[] memberClasses = new int[members.length];
            int[] classes = labels.classes();
            for (int i = 0; i < members.length; i++) {
                memberClasses[i] = classes[members[i]];
            }
            ClusterMemory memory = labeller.fixedClasses() ? null : ClusterMemory.ofCentroids(
                    subset(all, members), memberClasses, labels.classCount(),
                    ClusterMemory.DEFAULT_TEMPERATURE, ClusterMemory.DEFAULT_MOMENTUM).on(device);

            long samplerStart = System.nanoTime();
            Epoch batches = batchesOf(net, data, members, memberClasses, random.nextLong());
            double samplerSeconds = (System.nanoTime() - samplerStart) / 1e9;

            net.train(true);
            double lossSum = 0;
            double identitySum = 0;
            double tripletSum = 0;
            for (Batch batch : batches.batches()) {
                int[] pictures = new int[batch.size()];
                long[] batchLabels = new long[batch.size()];
                for (int i = 0; i < pictures.length; i++) {
                    pictures[i] = members[batch.image(i)];
                    batchLabels[i] = memberClasses[batch.image(i)];
                }
                try (PointerScope scope = new PointerScope()) {
                    Tensor x = Tensors.floats(data.batch(pictures, settings.augmentation(), random), device, pictures.length, 3, shape.height(),
                            shape.width());
                    Tensor y = Tensors.longs(batchLabels, device);
                    ReidNet.Features f = net.forward(x, true);
                    Tensor unit = torch.normalize(f.descriptor());
                    Tensor identity = memory != null ? memory.loss(unit, y)
                            : heads.get(0).loss(f.global(), y).add(heads.get(1).loss(f.local(), y));
                    Tensor metric = triplet.loss(unit, y);
                    Tensor loss = identity.add(metric);
                    adam.zero_grad();
                    loss.backward();
                    adam.step();
                    if (memory != null) {
                        memory.update(Tensors.rows(unit), toInts(batchLabels));
                    }
                    lossSum += loss.item_float();
                    identitySum += identity.item_float();
                    tripletSum += metric.item_float();
                }
            }
            int n = Math.max(1, batches.batches().size());
            batchesSoFar += batches.batches().size();
            EpochReport report = new EpochReport(epoch, settings.epochs(), batches.batches().size(), batchesSoFar,
                    lossSum / n, identitySum / n, tripletSum / n, (System.nanoTime() - start) / 1e9, samplerSeconds,
                    labels.nanos() / 1e9, labels.classCount(), members.length, labels.summary());
            if (checkpoint != null) {
                checkpoint.save(new Checkpoint.State(epoch, batchesSoFar, data.classCount(), data.size(),
                        resumeKey()), net, heads, adam);
            }
            if (listener != null) {
                listener.epochDone(report, net);
            }
        }
        heads.forEach(IdentityHead::close);
        return net;
    }

    private Epoch batchesOf(ReidNet net, TrainingSet data, int[] members, int[] memberClasses, long seed) {
        if (settings.sampler() == TrainSettings.Sampler.PK) {
            return new PkSampler(memberClasses, settings.p(), settings.k(), seed).epoch();
        }
        GraphSampler sampler = new GraphSampler(memberClasses, settings.p(), settings.k(), seed);
        ClassIndex classes = sampler.classes();
        int[] representatives = ClassGraph.pickRepresentatives(classes, new SplittableRandom(seed));
        int[] pictures = new int[representatives.length];
        for (int c = 0; c < pictures.length; c++) {
            pictures[c] = members[representatives[c]];
        }
        return sampler.epoch(ClassGraph.distances(unit(describe(net, data, pictures))), settings.graphBatches());
    }

    private void checkResumable(Checkpoint.State saved, TrainingSet data) {
        if (saved.classes() != data.classCount() || saved.pictures() != data.size()
                || !saved.settings().equals(resumeKey())) {
            throw new IllegalStateException("the checkpoint was made on " + saved.pictures() + " pictures of "
                    + saved.classes() + " classes with " + saved.settings() + "; this job has " + data.size()
                    + " pictures of " + data.classCount() + " classes with " + settings
                    + ": remove the checkpoint folder to start afresh");
        }
        if (saved.epoch() >= settings.epochs()) {
            throw new IllegalStateException("the checkpoint has already finished all " + settings.epochs()
                    + " epochs: remove the checkpoint folder to start afresh");
        }
    }

    /** The settings a checkpoint must share to be resumed: all but the epoch count, which a resume may extend. */
    private String resumeKey() {
        return settings.withEpochs(1).toString().replace("epochs=1, ", "");
    }

    /** Test-time descriptors of the given pictures with the network in inference mode. */
    public static float[][] describe(ReidNet net, TrainingSet data, int[] pictures) {
        float[][] out = new float[pictures.length][];
        for (int from = 0; from < pictures.length; from += DESCRIBE_BATCH) {
            int[] chunk = java.util.Arrays.copyOfRange(pictures, from, Math.min(pictures.length, from + DESCRIBE_BATCH));
            float[][] rows = net.describe(data.batch(chunk), chunk.length);
            System.arraycopy(rows, 0, out, from, rows.length);
        }
        return out;
    }

    static float[][] unit(float[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Embedding.normalised(rows[i]);
        }
        return rows;
    }

    private static float[][] subset(float[][] rows, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]];
        }
        return out;
    }

    private static void appendAll(TensorVector to, TensorVector from) {
        for (long i = 0; i < from.size(); i++) {
            to.push_back(from.get(i));
        }
    }

    private static int[] allIndices(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    private static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }
}
