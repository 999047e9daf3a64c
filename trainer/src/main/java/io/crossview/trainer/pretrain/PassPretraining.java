package io.crossview.trainer.pretrain;

import io.crossview.common.random.Permutation;
import io.crossview.common.tfjs.ConvChain;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.model.Tensors;
import io.crossview.trainer.model.TorchRuntime;
import io.crossview.trainer.train.Augmentation;
import io.crossview.trainer.train.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * PASS pre-training (part-aware self-supervised, Zhu et al. 2022) of a {@link ReidNet} on
 * unlabelled crops, adapted from its ViT to our CNN: a student and a momentum teacher of the same
 * network, each with a DINO projection head on the global branch and one head per horizontal part
 * on the local branch (where the ViT has one learnable [PART] token per part).
 *
 * <ul>
 *   <li><b>Global:</b> the student's global head on one global view learns the teacher's
 *       (centred, sharpened) distribution on the other global view.</li>
 *   <li><b>Parts:</b> the student sees a local view cut from part p's band, and its part-p head
 *       learns the teacher's part-p distribution on both global views: each part's head
 *       specialises in its part of the body, as each [PART] token does.</li>
 * </ul>
 * The teacher follows the student by momentum; its scores are centred by a running mean so
 * that no prototype takes over (DINO's guard against collapse). Labels are never read.
 */
public final class PassPretraining {
    /** What one epoch did. */
    public record EpochReport(int epoch, int epochs, int steps, double globalLoss, double partLoss, double seconds) {
        public String toLine() {
            return String.format(Locale.ROOT, "PASS epoch %d/%d  loss global %.3f, parts %.3f  %d steps  %.1f s", epoch,
                    epochs, globalLoss, partLoss, steps, seconds);
        }
    }

    private static final Augmentation COLOUR = new Augmentation(false, false, true, false);

    private final PassSettings settings;
    private final NetShape shape;
    private final ConvChain pretrained;

    /** @param pretrained the trunk an imported-backbone shape starts from (null for the built-in trunk) */
    public PassPretraining(PassSettings settings, NetShape shape, ConvChain pretrained) {
        this.settings = settings;
        this.shape = shape;
        this.pretrained = pretrained;
    }

    /** Pre-trains a student on {@code data}'s pictures and returns it (the caller closes it). */
    public ReidNet run(TrainingSet data, Consumer<EpochReport> progress) {
        TorchRuntime.prepare(shape, settings.threads());
        int parts = shape.stripes();
        int k = settings.prototypes();
        org.bytedeco.pytorch.Device device = TorchRuntime.device();
        ReidNet student = new ReidNet(shape, settings.seed(), pretrained);
        student.useDevice(device);
        List<ProjectionHead> studentHeads = heads(parts, k, device);
        try (ReidNet teacher = new ReidNet(shape, settings.seed(), pretrained)) {
            teacher.useDevice(device);
            List<ProjectionHead> teacherHeads = heads(parts, k, device);
            TensorVector studentParameters = parameters(student, studentHeads);
            TensorVector teacherParameters = parameters(teacher, teacherHeads);
            follow(teacherParameters, studentParameters, 0);
            Adam adam = new Adam(studentParameters, new AdamOptions(settings.learningRate()));
            Tensor[] centers = new Tensor[parts + 1];
            for (int i = 0; i < centers.length; i++) {
                centers[i] = Tensors.own(Tensors.floats(new float[k], device, k));
            }
            PartViews views = new PartViews(data.preprocessing(), parts);
            int b = Math.min(settings.batch(), data.size());
            student.train(true);
            teacher.train(true);
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + epoch);
                int[] order = Permutation.of(data.size(), random);
                int steps = order.length / b;
                double globalSum = 0;
                double partSum = 0;
                for (int s = 0; s < steps; s++) {
                    int[] pictures = java.util.Arrays.copyOfRange(order, s * b, (s + 1) * b);
                    try (PointerScope scope = new PointerScope()) {
                        Tensor globals = globalViews(data, pictures, views, random, device);
                        Tensor locals = localViews(data, pictures, views, random, device);
                        Tensor[] teacherScores = new Tensor[parts + 1];
                        Tensor[] targets = new Tensor[parts + 1];
                        try (NoGradGuard noGrad = new NoGradGuard()) {
                            ReidNet.Features teacherOut = teacher.forward(globals, true);
                            teacherScores[0] = teacherHeads.get(0).scores(teacherOut.global());
                            Tensor teacherParts = teacherOut.local().reshape(2L * b, parts, shape.partDim());
                            for (int p = 0; p < parts; p++) {
                                teacherScores[p + 1] = teacherHeads.get(p + 1).scores(teacherParts.select(1, p));
                            }
                            for (int i = 0; i <= parts; i++) {
                                targets[i] = target(teacherScores[i], centers[i]);
                            }
                        }
                        ReidNet.Features studentOut = student.forward(globals, true);
                        Tensor studentGlobal = logProbabilities(studentHeads.get(0).scores(studentOut.global()));
                        // each view's target is the teacher on the other view
                        Tensor globalLoss = crossEntropy(targets[0].narrow(0, 0, b), studentGlobal.narrow(0, b, b))
                                .add(crossEntropy(targets[0].narrow(0, b, b), studentGlobal.narrow(0, 0, b)))
                                .div(new Scalar(2.0));
                        Tensor studentParts = student.partEmbedding(locals, true);
                        Tensor partLoss = null;
                        for (int p = 0; p < parts; p++) {
                            Tensor predicted = logProbabilities(studentHeads.get(p + 1).scores(studentParts.narrow(0,
                                    (long) p * b, b)));
                            Tensor both = crossEntropy(targets[p + 1].narrow(0, 0, b), predicted)
                                    .add(crossEntropy(targets[p + 1].narrow(0, b, b), predicted));
                            partLoss = partLoss == null ? both : partLoss.add(both);
                        }
                        partLoss = partLoss.div(new Scalar(2.0 * parts));
                        Tensor loss = globalLoss.add(partLoss).div(new Scalar(2.0));
                        adam.zero_grad();
                        loss.backward();
                        adam.step();
                        try (NoGradGuard noGrad = new NoGradGuard()) {
                            follow(teacherParameters, studentParameters, settings.teacherMomentum());
                            copyBuffers(teacher, student);
                            updateCenters(centers, teacherScores);
                        }
                        globalSum += globalLoss.item_float();
                        partSum += partLoss.item_float();
                    }
                }
                progress.accept(new EpochReport(epoch, settings.epochs(), steps, globalSum / Math.max(1, steps),
                        partSum / Math.max(1, steps), (System.nanoTime() - start) / 1e9));
            }
            teacherHeads.forEach(ProjectionHead::close);
        } finally {
            studentHeads.forEach(ProjectionHead::close);
        }
        return student;
    }

    private List<ProjectionHead> heads(int parts, int k, org.bytedeco.pytorch.Device device) {
        List<ProjectionHead> heads = new ArrayList<>();
        heads.add(new ProjectionHead("global", shape.globalDim(), k));
        for (int p = 0; p < parts; p++) {
            heads.add(new ProjectionHead("part" + p, shape.partDim(), k));
        }
        heads.forEach(h -> h.useDevice(device));
        return heads;
    }

    private static TensorVector parameters(ReidNet net, List<ProjectionHead> heads) {
        TensorVector all = new TensorVector();
        List<TensorVector> groups = new ArrayList<>();
        groups.add(net.parameters());
        heads.forEach(h -> groups.add(h.parameters()));
        for (TensorVector group : groups) {
            for (long i = 0; i < group.size(); i++) {
                all.push_back(group.get(i));
            }
        }
        return all;
    }

    /** t ← m·t + (1 − m)·s for every weight; m = 0 copies the student. */
    private static void follow(TensorVector teacher, TensorVector student, double momentum) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (long i = 0; i < teacher.size(); i++) {
                teacher.get(i).lerp_(student.get(i).detach(), new Scalar(1 - momentum));
            }
        }
    }

    /** The teacher normalises as the student does: its running statistics are the student's. */
    private static void copyBuffers(ReidNet teacher, ReidNet student) {
        TensorVector t = teacher.buffers();
        TensorVector s = student.buffers();
        for (long i = 0; i < t.size(); i++) {
            t.get(i).copy_(s.get(i));
        }
    }

    /** c ← m·c + (1 − m)·(the batch's mean teacher scores), per head. */
    private void updateCenters(Tensor[] centers, Tensor[] teacherScores) {
        double m = settings.centerMomentum();
        for (int i = 0; i < centers.length; i++) {
            centers[i].mul_(new Scalar(m)).add_(teacherScores[i].mean(0), new Scalar(1 - m));
        }
    }

    private Tensor target(Tensor scores, Tensor center) {
        return scores.sub(center).div(new Scalar(settings.teacherTemperature())).softmax(1);
    }

    private Tensor logProbabilities(Tensor scores) {
        return scores.div(new Scalar(settings.studentTemperature())).log_softmax(1);
    }

    /** Mean over rows of −Σ target · log prediction. */
    private static Tensor crossEntropy(Tensor target, Tensor logPrediction) {
        return target.mul(logPrediction).sum().neg().div(new Scalar((double) target.size(0)));
    }

    /** Two global views of every picture: all first views, then all second views. */
    private Tensor globalViews(TrainingSet data, int[] pictures, PartViews views, SplittableRandom random,
                               org.bytedeco.pytorch.Device device) {
        int per = data.preprocessing().floatsPerCrop();
        float[] out = new float[2 * pictures.length * per];
        float[] view = new float[per];
        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < pictures.length; i++) {
                views.global(data.picture(pictures[i]), view, 0, random);
                COLOUR.apply(view, out, (v * pictures.length + i) * per, data.preprocessing(), random);
            }
        }
        return Tensors.floats(out, device, 2L * pictures.length, 3, shape.height(), shape.width());
    }

    /** One local view per part of every picture: part 0 of all pictures, then part 1, ... */
    private Tensor localViews(TrainingSet data, int[] pictures, PartViews views, SplittableRandom random,
                              org.bytedeco.pytorch.Device device) {
        int per = 3 * views.localHeight() * views.localWidth();
        int parts = shape.stripes();
        float[] out = new float[parts * pictures.length * per];
        for (int p = 0; p < parts; p++) {
            for (int i = 0; i < pictures.length; i++) {
                views.local(data.picture(pictures[i]), p, out, (p * pictures.length + i) * per, random);
            }
        }
        return Tensors.floats(out, device, (long) parts * pictures.length, 3, views.localHeight(),
                views.localWidth());
    }
}
