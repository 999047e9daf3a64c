package io.crossview.deploy.bench;

import io.crossview.deploy.synth.MarketExport;
import io.crossview.eval.reid.MarketWriter;
import io.crossview.eval.synth.Population;
import io.crossview.eval.synth.SyntheticWorld;
import io.crossview.eval.synth.WorldSpec;
import io.crossview.trainer.eval.HeldOutSplit;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.CropStoreSettings;
import io.crossview.trainer.store.MarketImport;
import io.crossview.trainer.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The training benchmarks' crops: a synthetic world rendered for four cameras, exported as a
 * Market-1501 folder, imported into a crop store and split into training and held-out identities.
 */
record SyntheticCrops(CropStore store, HeldOutSplit split, TrainingSet data) implements AutoCloseable {
    static final int POPULATION_CAMERAS = 3;
    static final int POPULATION_SHOTS = 2;

    static SyntheticCrops render(long seed, int people, int seconds, String progressPrefix) throws IOException {
        Path tmp = Files.createTempDirectory("crossview-bench-train");
        WorldSpec spec = new WorldSpec(seed, 4, people, seconds, 10, 640, 480);
        System.out.println(progressPrefix + "rendering " + people + " people, " + seconds + " s, 4 cameras");
        try (SyntheticWorld world = SyntheticWorld.create(spec)) {
            MarketExport.write(world, tmp.resolve("market"), 5, seed);
        }
        return imported(tmp, seed, progressPrefix);
    }

    /**
     * The same from a {@link Population}: {@code people} identities, each on {@value #POPULATION_CAMERAS}
     * of the site's cameras, {@value #POPULATION_SHOTS} crops on each.
     */
    static SyntheticCrops population(long seed, int people, String progressPrefix) throws IOException {
        Path tmp = Files.createTempDirectory("crossview-bench-train");
        System.out.println(progressPrefix + "rendering a population of " + people + " people on " + Population.CAMERAS
                + " cameras, " + POPULATION_CAMERAS + " cameras x " + POPULATION_SHOTS + " crops each");
        List<MarketWriter.Crop> crops = new ArrayList<>();
        try (Population population = new Population(seed, people)) {
            int expected = (people * POPULATION_CAMERAS * POPULATION_SHOTS + Population.PER_PICTURE - 1) / Population.PER_PICTURE;
            population.render(POPULATION_CAMERAS, POPULATION_SHOTS,
                    c -> crops.add(new MarketWriter.Crop(c.identity(), c.camera(), c.shot(), c.bgr())),
                    pictures -> System.out.printf(java.util.Locale.ROOT, "%spopulation: %d/%d pictures%n", progressPrefix,
                            pictures, expected));
            new MarketWriter(1, seed).write(tmp.resolve("market"), crops);
        } finally {
            crops.forEach(c -> c.bgr().close());
        }
        return imported(tmp, seed, progressPrefix);
    }

    private static SyntheticCrops imported(Path tmp, long seed, String progressPrefix) throws IOException {
        CropStore store = CropStore.open(tmp.resolve("store"), new CropStoreSettings(100, Duration.ofDays(365)));
        long now = System.currentTimeMillis();
        MarketImport.importFolder(tmp.resolve("market").resolve("bounding_box_test"), store, now);
        MarketImport.importFolder(tmp.resolve("market").resolve("query"), store, now);
        HeldOutSplit split = HeldOutSplit.of(store, new HeldOutSplit.Rule(0.3, seed));
        System.out.println(progressPrefix + store.stats().crops() + " crops; " + split.summary());
        TrainingSet data = TrainingSet.fromStore(store, split.trainLabels(), NetShape.DEFAULT.preprocessing());
        return new SyntheticCrops(store, split, data);
    }

    /**
     * The evaluation sets of the training benchmarks: the held-out synthetic identities, and with
     * {@code real} a Market folder of real people too.
     */
    java.util.Map<String, io.crossview.trainer.bench.BackboneComparison.Evaluator> evaluations(Path real) {
        if (real != null && !Files.isDirectory(real.resolve("query"))) {
            throw new IllegalArgumentException("--real " + real + " is not a Market folder (no query/ inside)");
        }
        io.crossview.trainer.eval.HeldOutEvaluation heldOut = new io.crossview.trainer.eval.HeldOutEvaluation();
        java.util.Map<String, io.crossview.trainer.bench.BackboneComparison.Evaluator> out = new java.util.LinkedHashMap<>();
        out.put("synthetic", onnx -> heldOut.evaluate(onnx, split).mAP());
        if (real != null) {
            out.put("real", onnx -> {
                try (io.crossview.embedder.runtime.ReidModel model = io.crossview.embedder.runtime.ReidModel.open(onnx)) {
                    return new io.crossview.eval.reid.ReidEvaluator(model).evaluate(real).mAP();
                }
            });
        }
        return out;
    }

    @Override
    public void close() {
        store.close();
    }
}
