package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.deploy.run.DetectionMode;
import io.crossview.deploy.run.Feeds;
import io.crossview.deploy.run.PipelineRun;
import io.crossview.deploy.run.RunResult;
import io.crossview.deploy.run.RunSettings;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.MatcherFile;
import io.crossview.deploy.run.RunStats;
import io.crossview.detector.oracle.OracleSettings;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.eval.synth.SynthWriter;
import io.crossview.eval.synth.WorldSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import io.crossview.deploy.cli.PipelineModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import io.crossview.matcher.linking.SiteTopology;
import picocli.CommandLine.Option;

/**
 * {@code crossview bench}: the whole pipeline through the embedded broker on the synthetic
 * world, its cameras paced like live ones, scored against the world's ground truth.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {IngestBenchCommand.class, ScaleBenchCommand.class, TrainBenchCommand.class, StepBenchCommand.class, BackboneBenchCommand.class, PassBenchCommand.class, MatcherBenchCommand.class, PlotBenchCommand.class},
        description = {"Run the full pipeline (embedded broker) on the synthetic world as live cameras and print one "
                + "JSON document: stage throughput, capture-to-identity latency, peak memory and accuracy "
                + "(per-camera IDF1/HOTA, MTMC IDF1), labelled with detection mode and model."})
public final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--seed", defaultValue = "1", description = "World seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cameras", defaultValue = "4", description = "Cameras (default: ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--people", defaultValue = "12", description = "People (default: ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seconds", defaultValue = "30", description = "World length in seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--fps", defaultValue = "10", description = "Camera frame rate (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--on", paramLabel = "DIR", description = "Play and score a recorded benchmark folder instead of the "
            + "synthetic world: one MOTChallenge sequence folder per camera (seqinfo.ini naming its video, gt/gt.txt) "
            + "and topology.yaml, as crossview synth --composite writes; the world options then do not apply")
    Path on;

    /**
     * Four 10 fps cameras on 2 cores: NanoDet-320 takes 29 ms a frame alone (JMH), 21 frames/s
     * inside the pipeline, so every frame leaves the pipeline at half the live rate; every 3rd
     * keeps up (docs/detection.md).
     */
    static final int DEFAULT_DETECT_EVERY = 3;

    @Mixin
    PipelineModels models;

    @Option(names = "--topology", description = "Give the matcher the world's camera topology (overlaps, transit windows)"
            + " instead of letting it learn one")
    boolean topology;


    @Option(names = "--config", paramLabel = "FILE",
            description = "Matcher settings file (as for crossview match --config): its tracker: (with harvest:) and linker: sections")
    Path matcherConfig;

    @Option(names = "--harvest-into", paramLabel = "DIR",
            description = "Also store the crops the matcher harvests in this crop store (to train on)")
    Path harvestInto;

    @Option(names = "--save-embeddings", paramLabel = "FILE",
            description = "Also save the run's embedding messages, to replay the matcher on them (crossview bench matcher)")
    Path saveEmbeddings;

    @Option(names = "--json", description = "Print only the JSON document (progress goes nowhere)")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also draw latency.png (capture-to-identity latency histogram) and idf1.png (IDF1 per camera, "
                    + "MTMC IDF1 and the no-linking floor) into DIR")
    Path plots;

    @Override
    public Integer call() throws Exception {
        DetectionMode mode = models.detection("nanodet", OracleSettings.defaults(), DEFAULT_DETECT_EVERY);
        Path model = models.reidModel();
        PrintStream progress = json ? new PrintStream(new ByteArrayOutputStream()) : System.err;
        Path work = Files.createTempDirectory("crossview-bench-");
        try {
            BenchDataset dataset = on != null ? BenchDataset.recorded(on)
                    : BenchDataset.synthetic(new WorldSpec(seed, cameras, people, seconds, fps, WorldSpec.DEFAULT.width(),
                            WorldSpec.DEFAULT.height()), work, progress);
            List<CameraConfig> configs = dataset.cameras();
            SiteTopology siteTopology = topology ? SiteTopology.load(dataset.topologyFile()) : SiteTopology.NONE;
            progress.println("bench: matcher topology " + (topology ? "configured: " + siteTopology.cameras().size()
                    + " cameras, " + siteTopology.overlaps().size() + " overlaps, " + siteTopology.connections().size()
                    + " connections" : "learned from the links it makes"));
            RunSettings settings = new RunSettings("bench", work.resolve("run"), null, "", mode, 0, true, siteTopology,
                    true, model, harvestInto, matcherConfig == null ? null : MatcherFile.load(matcherConfig), false);
            RunResult result;
            try (Feeds feeds = Feeds.open(configs)) {
                result = new PipelineRun(settings, progress).run(feeds.list(), feeds.annotations(1));
            }
            ObjectNode report = report(dataset, mode, result, work.resolve("run/mot"));
            report.put("topology", topology ? "configured" : "learned");
            if (plots != null) {
                BenchPlots.write(report, plots);
                progress.println("bench: plots in " + plots);
            }
            if (saveEmbeddings != null) {
                EmbeddingsFile.write(result.embeddings(), saveEmbeddings);
                Files.copy(dataset.topologyFile(), saveEmbeddings.resolveSibling(
                        saveEmbeddings.getFileName() + ".topology.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                progress.println("bench: saved " + result.embeddings().size() + " embedding messages to " + saveEmbeddings);
            }
            progress.println("bench: the matcher alone on the run's " + result.embeddings().size() + " embedding messages x "
                    + MatcherThroughput.COPIES + " copies of the cameras, with and without re-assignment, then with and "
                    + "without its meters, " + MATCHER_REPEATS + " times each");
            // same run, same embeddings, the linker without its periodic re-assignment: the cost of the second look
            MatcherFile withoutReassign = new MatcherFile(settings.matcher().tracker(),
                    settings.matcher().linker().withReassign(io.crossview.matcher.linking.ReassignParams.off()), null);
            List<MatcherThroughput.Figures> compared = MatcherThroughput.compare(result.embeddings(), settings.matcher(),
                    withoutReassign, MATCHER_REPEATS);
            ObjectNode matcher = matcherFigures(compared.get(0));
            MatcherThroughput.Figures without = compared.get(1);
            matcher.put("repeats", MATCHER_REPEATS);
            matcher.put("without_reassign_events_per_s", round(without.eventsPerSecond()));
            matcher.put("without_reassign_frames_per_s", round(without.framesPerSecond()));
            matcher.put("frames_per_s_over_without_reassign", round(compared.get(0).framesPerSecond()
                    / without.framesPerSecond()));
            matcher.put("events_per_s_over_without_reassign", round(compared.get(0).eventsPerSecond()
                    / without.eventsPerSecond()));
            // the same again with the meters on no registry: what Prometheus metrics cost the matcher
            List<MatcherThroughput.Figures> meters = MatcherThroughput.compare(result.embeddings(),
                    new MatcherThroughput.Variant(settings.matcher(), true),
                    new MatcherThroughput.Variant(settings.matcher(), false), MATCHER_REPEATS);
            matcher.put("metered_events_per_s", round(meters.get(0).eventsPerSecond()));
            matcher.put("without_meters_events_per_s", round(meters.get(1).eventsPerSecond()));
            matcher.put("metered_over_without_meters", round(meters.get(0).eventsPerSecond()
                    / meters.get(1).eventsPerSecond()));
            report.set("matcher", matcher);
            // the same embeddings replayed through the topology give the same stores as the live run
            MatcherReplay.Result replay = MatcherReplay.run(result.embeddings(),
                    MatcherConfig.defaults(work.resolve("replay-state")).withTracker(settings.matcher().tracker())
                            .withLinker(settings.matcher().linker(), siteTopology), work.resolve("replay"));
            ObjectNode curves = report.putObject("calibration");
            replay.calibrations().forEach((version, c) -> curves.set(version, CalibrationReport.of(c)));
            ObjectNode tracker = report.putObject("tracker_calibration");
            replay.trackerCalibrations().forEach((version, c) -> tracker.set(version, CalibrationReport.of(c)));
            System.out.println(JSON.writeValueAsString(report));
        } finally {
            Utils.delete(work.toFile());
        }
        return 0;
    }

    private static ObjectNode report(BenchDataset dataset, DetectionMode mode, RunResult result, Path pred)
            throws Exception {
        RunStats stats = result.stats();
        ObjectNode root = JSON.createObjectNode();
        root.set("world", dataset.description());
        root.put("detection", mode.isOracle() ? mode.label() : stats.detectorModel());
        root.put("detector", stats.detectorModel());
        root.put("detect_every", mode.isOracle() ? 1 : mode.detector().detectEvery());
        root.put("model", stats.modelVersion());
        root.put("reid_model", stats.modelVersion());
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.version"));
        ObjectNode throughput = root.putObject("throughput");
        throughput.put("camera_frames", result.frames());
        throughput.put("detector_frames_per_s", round(stats.detectorFramesPerSecond()));
        throughput.put("embedder_frames_per_s", round(stats.embedderFramesPerSecond()));
        throughput.put("embedder_crops_per_s", round(stats.embedderCropsPerSecond()));
        throughput.put("pipeline_frames_per_s", round(result.frames() / (stats.wallNanos() / 1e9)));
        ObjectNode latency = root.putObject("latency_ms");
        latency.put("p50", stats.latencyP50Ms()).put("p99", stats.latencyP99Ms()).put("events", stats.latencySamples());
        latency.set("histogram", BenchPlots.histogram(stats.latenciesMs(), BenchPlots.LATENCY_BINS));
        ObjectNode memory = root.putObject("memory_mib");
        memory.put("peak_rss", round(PeakMemory.residentMiB())).put("peak_heap", round(PeakMemory.heapMiB()));
        root.set("accuracy", BenchAccuracy.of(dataset.groundTruth(), pred));
        root.putObject("harvest").put("crops", result.harvest().crops()).put("tracks", result.harvest().tracks())
                .put("identities", result.harvest().identities());
        return root;
    }

    /** Runs of the matcher throughput per setting; the median is reported. */
    static final int MATCHER_REPEATS = 5;

    private static ObjectNode matcherFigures(MatcherThroughput.Figures f) {
        ObjectNode m = JSON.createObjectNode();
        m.put("frames", f.frames()).put("identity_events", f.events()).put("seconds", round(f.topologySeconds()));
        m.put("topology_frames_per_s", round(f.framesPerSecond())).put("topology_events_per_s", round(f.eventsPerSecond()));
        m.put("bare_tracker_frames_per_s", round(f.bareTrackerFramesPerSecond()));
        m.put("bare_over_topology", round(f.bareTrackerFramesPerSecond() / f.framesPerSecond()));
        return m;
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
