package io.crossview.trainer.bench;

import io.crossview.trainer.loss.BatchHardTriplet;
import io.crossview.trainer.loss.IdentityHead;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.model.Tensors;
import io.crossview.trainer.model.TorchRuntime;
import io.crossview.trainer.train.EpochReport;
import io.crossview.trainer.train.Identities;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.Trainer;
import io.crossview.trainer.train.TrainingSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * What a trainer batch costs against the bare forward/backward/step of the same network, loss
 * and batch size on one tensor already in place: the overhead of batch assembly, augmentation
 * and bookkeeping. Rounds interleave the two so that a busy machine slows both alike.
 */
public final class StepCost {
    /** Medians over rounds, seconds per batch. */
    public record Figures(int batchSize, int rounds, double bareSeconds, double trainerSeconds,
                          double[] bareRounds, double[] trainerRounds) {
        public double ratio() {
            return trainerSeconds / bareSeconds;
        }
    }

    private StepCost() {
    }

    /**
     * @param batches batches per measurement of each kind; the trainer's first epoch of every
     *                round (which warms oneDNN up) is not counted, nor are the bare loop's first steps
     */
    public static Figures measure(TrainingSet data, NetShape shape, TrainSettings settings, int rounds,
                                  Consumer<String> progress) throws IOException {
        TrainSettings pk = settings.withSampler(TrainSettings.Sampler.PK).withLabels(TrainSettings.Labels.IDENTITY)
                .withEpochs(2);
        double[] bare = new double[rounds];
        double[] trainer = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            List<EpochReport> reports = new ArrayList<>();
            new Trainer(pk, shape, Identities.INSTANCE).train(data, null, (report, net) -> reports.add(report)).close();
            EpochReport second = reports.get(1);
            trainer[r] = second.seconds() / second.batches();
            bare[r] = bare(data, shape, pk, second.batches());
            progress.accept(String.format(java.util.Locale.ROOT,
                    "round %d/%d: trainer %.3f s per batch, bare step %.3f s (%.2fx)", r + 1, rounds, trainer[r], bare[r],
                    trainer[r] / bare[r]));
        }
        return new Figures(pk.p() * pk.k(), rounds, median(bare), median(trainer), bare, trainer);
    }

    /** Seconds per step of forward, the trainer's losses, backward and Adam on one fixed batch. */
    static double bare(TrainingSet data, NetShape shape, TrainSettings settings, int steps) {
        TorchRuntime.prepare(shape, settings.threads());
        int n = settings.p() * settings.k();
        int[] pictures = new int[n];
        long[] labels = new long[n];
        int[] classes = data.classes();
        for (int i = 0; i < n; i++) {
            pictures[i] = i % data.size();
            labels[i] = classes[pictures[i]];
        }
        int warmUp = 3;
        org.bytedeco.pytorch.Device device = TorchRuntime.device();
        try (ReidNet net = new ReidNet(shape, settings.seed());
             IdentityHead global = new IdentityHead("global", shape.globalDim(), data.classCount());
             IdentityHead local = new IdentityHead("local", shape.localDim(), data.classCount());
             PointerScope outer = new PointerScope()) {
            net.useDevice(device);
            global.useDevice(device);
            local.useDevice(device);
            TensorVector parameters = new TensorVector();
            for (TensorVector p : List.of(net.parameters(), global.parameters(), local.parameters())) {
                for (long i = 0; i < p.size(); i++) {
                    parameters.push_back(p.get(i));
                }
            }
            AdamOptions options = new AdamOptions(settings.learningRate());
            options.weight_decay().put(settings.weightDecay());
            Adam adam = new Adam(parameters, options);
            BatchHardTriplet triplet = new BatchHardTriplet(settings.margin());
            Tensor x = Tensors.floats(data.batch(pictures), device, n, 3, shape.height(), shape.width());
            Tensor y = Tensors.longs(labels, device);
            net.train(true);
            long start = 0;
            for (int s = 0; s < warmUp + steps; s++) {
                if (s == warmUp) {
                    start = System.nanoTime();
                }
                try (PointerScope scope = new PointerScope()) {
                    ReidNet.Features f = net.forward(x, true);
                    Tensor unit = torch.normalize(f.descriptor());
                    Tensor loss = global.loss(f.global(), y).add(local.loss(f.local(), y)).add(triplet.loss(unit, y));
                    adam.zero_grad();
                    loss.backward();
                    adam.step();
                    loss.item_float(); // waits for the device, as the trainer's bookkeeping does
                }
            }
            return (System.nanoTime() - start) / 1e9 / steps;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
