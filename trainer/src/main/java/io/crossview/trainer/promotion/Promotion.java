package io.crossview.trainer.promotion;

import io.crossview.eval.reid.ReidReport;
import io.crossview.trainer.eval.HeldOutEvaluation;
import io.crossview.trainer.eval.HeldOutSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.crossview.trainer.train.EpochReport;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a candidate model replaces the current one: both are measured on the same
 * held-out split, and the candidate wins only with a higher mAP, by at least the margin; a tie
 * keeps the current model, so an equal retrain never makes every embedder swap. A promoted model
 * is announced; every decision, either way, is appended to the decisions log as one JSON line.
 */
public final class Promotion {
    public static final String LOG_FILE = "promotions.jsonl";
    /** Any gain promotes; ties do not. */
    public static final double DEFAULT_MARGIN = 0.0;
    public static final String METRIC_MAP = "heldout.mAP";
    public static final String METRIC_RANK1 = "heldout.rank1";
    public static final String METRIC_RANK5 = "heldout.rank5";
    public static final String METRIC_QUERIES = "heldout.queries";
    public static final String METRIC_GALLERY = "heldout.gallery";

    private final String modelName;
    private final double margin;
    private final HeldOutEvaluation evaluation;
    private final ModelAnnouncer announcer;
    private final Path log;
    private final Clock clock;

    /**
     * @param modelName the name embedders follow ({@code EmbedderConfig.DEFAULT_MODEL_NAME} by default)
     * @param margin    mAP points (as a fraction, 0.01 = one point) the candidate must gain, in [0, 1)
     * @param log       the decisions log, created with its folder when missing; see {@link #logIn}
     */
    public Promotion(String modelName, double margin, HeldOutEvaluation evaluation, ModelAnnouncer announcer,
                     Path log, Clock clock) {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("promotion needs the model name embedders follow");
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("promotion margin is an mAP difference in [0, 1), got " + margin);
        }
        this.modelName = modelName;
        this.margin = margin;
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.announcer = Objects.requireNonNull(announcer, "announcer");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The decisions log of a trainer working folder. */
    public static Path logIn(Path workdir) {
        return workdir.resolve(LOG_FILE);
    }

    /**
     * Measures both models, decides, announces the candidate when it wins, and logs the decision.
     *
     * @param current the model announced now; empty on a first run, when the candidate has to beat
     *                the built-in model that embedders run without an announcement
     * @throws IllegalArgumentException when the candidate is the built-in model, which cannot be announced
     * @throws IOException when the announcement or the log cannot be written: a promotion that
     *                     was not announced is not logged as one, so it is simply decided again
     */
    public Decision decide(Contender candidate, Optional<Contender> current, HeldOutSplit split) throws IOException {
        return decide(candidate, current, split, Map.of());
    }

    /**
     * As above; a promoted candidate's announcement also carries {@code trainingCurve}, the
     * figures of each epoch ({@code epoch.003.loss}), for the console's training curves.
     */
    public Decision decide(Contender candidate, Optional<Contender> current, HeldOutSplit split,
                           Map<String, Double> trainingCurve) throws IOException {
        if (candidate.builtin()) {
            // embedders fetch an announced model by its uri, and the built-in one has none
            throw new IllegalArgumentException("the built-in model cannot be a candidate; write it to a file and offer that");
        }
        Contender incumbent = current.orElseGet(Contender::builtinModel);
        Decision.Figures candidateFigures = measure(candidate, split);
        Decision.Figures currentFigures = measure(incumbent, split);
        double gain = candidateFigures.report().mAP() - currentFigures.report().mAP();
        boolean promote = gain > 0 && gain >= margin;
        Decision decision = new Decision(promote, modelName, candidateFigures, currentFigures, margin,
                split.evaluatedIdentities(), clock.instant());
        if (promote) {
            Map<String, Double> announced = new LinkedHashMap<>(metrics(candidateFigures.report()));
            announced.putAll(trainingCurve);
            announcer.announce(modelName, candidateFigures.version(), candidate.uri(), candidateFigures.sha256(),
                    announced);
        }
        append(decision);
        return decision;
    }

    /** The per-epoch figures of a training, as an announcement carries them. */
    public static Map<String, Double> trainingCurve(List<EpochReport> epochs) {
        Map<String, Double> curve = new LinkedHashMap<>();
        for (EpochReport e : epochs) {
            String prefix = String.format(java.util.Locale.ROOT, "epoch.%03d.", e.epoch());
            curve.put(prefix + "loss", e.loss());
            curve.put(prefix + "identity_loss", e.identityLoss());
            curve.put(prefix + "triplet_loss", e.tripletLoss());
        }
        return curve;
    }

    /** What the announcement carries: the candidate's held-out figures. */
    static Map<String, Double> metrics(ReidReport report) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(METRIC_MAP, report.mAP());
        metrics.put(METRIC_RANK1, report.rank1());
        metrics.put(METRIC_RANK5, report.rank5());
        metrics.put(METRIC_QUERIES, (double) report.queriesEvaluated());
        metrics.put(METRIC_GALLERY, (double) report.gallerySize());
        return metrics;
    }

    private Decision.Figures measure(Contender model, HeldOutSplit split) {
        return new Decision.Figures(model.uri(), model.sha256(), model.builtin(),
                evaluation.evaluate(model.onnx(), split));
    }

    private void append(Decision decision) throws IOException {
        Path folder = log.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        // one write of a whole line: a crash leaves the earlier lines intact
        Files.writeString(log, decision.toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
}
