package io.crossview.trainer.job;

import io.crossview.common.sample.SampleVideo;
import io.crossview.common.tfjs.ConvChain;
import io.crossview.embedder.runtime.CalibrationMetadata;
import io.crossview.trainer.backbone.Backbones;
import io.crossview.trainer.eval.HeldOutEvaluation;
import io.crossview.trainer.eval.HeldOutSplit;
import io.crossview.trainer.export.OnnxExporter;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.promotion.Contender;
import io.crossview.trainer.promotion.Decision;
import io.crossview.trainer.promotion.ModelAnnouncer;
import io.crossview.trainer.promotion.Promotion;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.train.Clusters;
import io.crossview.trainer.train.Identities;
import io.crossview.trainer.train.TrainSettings;
import io.crossview.trainer.train.Trainer;
import io.crossview.trainer.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import io.crossview.trainer.train.EpochReport;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One retraining job, start to end: split the crop store into training and held-out identities,
 * train, export to ONNX with the model's calibration on the held-out pairs and check the export,
 * then let {@link Promotion} compare it with the current model on the held-out identities and
 * announce it only if it is better.
 */
public final class TrainJob {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TrainJobSettings settings;
    private final Path workdir;
    private final ModelAnnouncer announcer;
    private final Clock clock;
    private final Consumer<String> progress;

    public TrainJob(TrainJobSettings settings, Path workdir, ModelAnnouncer announcer, Clock clock,
                    Consumer<String> progress) {
        this.settings = settings;
        this.workdir = workdir;
        this.announcer = announcer;
        this.clock = clock;
        this.progress = progress;
    }

    /** What a job produced: the exported model file, and whether it was promoted and why. */
    public record Result(Path model, Decision decision, double exportError) {
    }

    /**
     * Runs the job on the store's crops against {@code current} (empty: the built-in model).
     * Resumes from the checkpoints an interrupted job left in the working folder.
     */
    public Result run(CropStore store, Optional<Contender> current) throws IOException {
        HeldOutSplit split = HeldOutSplit.of(store, settings.split());
        progress.accept(store.stats().crops() + " crops in the store; " + split.summary());
        NetShape shape = settings.shape();
        TrainingSet data = TrainingSet.fromStore(store, split.trainLabels(), shape.preprocessing());
        if (data.classCount() < 2) {
            throw new IllegalStateException("only " + data.classCount() + " identities to train on; harvest more crops first");
        }
        TrainSettings training = settings.training();
        progress.accept(String.format(Locale.ROOT, "training on %d crops of %d identities: %s sampler, %s labels, "
                        + "%d epochs, batches of %dx%d", data.size(), data.classCount(),
                training.sampler().name().toLowerCase(Locale.ROOT), training.labels().name().toLowerCase(Locale.ROOT),
                training.epochs(), training.p(), training.k()));
        Trainer.Labeller labeller = training.labels() == TrainSettings.Labels.CLUSTERS
                ? new Clusters(settings.clustering()) : Identities.INSTANCE;
        Path checkpoints = workdir.resolve("checkpoint");
        if (Files.exists(checkpoints.resolve("state.json"))) {
            progress.accept("resuming from " + checkpoints);
        }
        String stamp = STAMP.format(clock.instant());
        Path model = workdir.resolve("models").resolve(settings.modelName() + "-" + stamp + ".onnx");
        HeldOutEvaluation heldOut = new HeldOutEvaluation();
        byte[] onnx;
        double error;
        Optional<CalibrationMetadata> calibration;
        ConvChain pretrained = Backbones.forShape(shape, SampleVideo.defaultCacheDir(), progress);
        List<EpochReport> epochs = new ArrayList<>();
        try (ReidNet net = new Trainer(training, shape, labeller, pretrained).train(data, checkpoints,
                (report, n) -> {
                    epochs.add(report);
                    progress.accept(report.toLine());
                })) {
            OnnxExporter.Provenance provenance = new OnnxExporter.Provenance(settings.modelName() + "-" + stamp,
                    training.epochs(), data.size() + " crops of " + data.classCount() + " identities");
            onnx = OnnxExporter.export(net, data.preprocessing(), provenance);
            // measured through the embedder on the export itself, then written into its metadata:
            // the weights do not change, so neither do the similarities it was measured on
            calibration = heldOut.calibrate(onnx, split);
            if (calibration.isPresent()) {
                onnx = OnnxExporter.export(net, data.preprocessing(), provenance, calibration.get());
            }
            error = ExportCheck.check(net, onnx, data, 8);
        }
        Files.createDirectories(model.getParent());
        Files.write(model, onnx);
        progress.accept(String.format(Locale.ROOT, "exported %s (%d KB; ONNX Runtime agrees with training to %.1e)",
                model, onnx.length / 1024, error));
        progress.accept(calibration.map(c -> "held-out " + c).orElse("no held-out calibration (too few pairs, or"
                + " positives not above negatives): the matcher starts from its defaults"));

        Promotion promotion = new Promotion(settings.modelName(), settings.margin(), heldOut,
                announcer, Promotion.logIn(workdir), clock);
        Decision decision = promotion.decide(Contender.file(model, model.toAbsolutePath().toUri().toString()), current,
                split, Promotion.trainingCurve(epochs));
        progress.accept(decision.toText());
        deleteCheckpoints(checkpoints);
        return new Result(model, decision, error);
    }

    private static void deleteCheckpoints(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
