package io.crossview.deploy.run;

import io.crossview.deploy.cli.ExternalKafkaOptions;
import io.crossview.detector.oracle.OracleSettings;
import io.crossview.ingest.config.CamerasFile;
import io.crossview.matcher.MatcherFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import io.crossview.deploy.cli.PipelineModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview run}: the whole pipeline in one process on the cameras of a cameras file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every stage in one process on the sources of a cameras file until they end; write "
                + "identities.jsonl and one MOTChallenge result file per camera (mot/<camera>.txt, track ids = "
                + "global identity ids)."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--cameras", required = true, paramLabel = "FILE", description = "Cameras YAML (as for crossview ingest)")
    Path cameras;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder")
    Path out;

    @Mixin
    ExternalKafkaOptions cluster;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of every topic name (default: none)")
    String topicPrefix;

    @Mixin
    PipelineModels models;

    @Option(names = "--oracle-jitter", defaultValue = "0.05", description = "Oracle box noise, fraction of box size (default: ${DEFAULT-VALUE})")
    double oracleJitter;

    @Option(names = "--oracle-miss", defaultValue = "0.05", description = "Oracle miss rate (default: ${DEFAULT-VALUE})")
    double oracleMiss;

    @Option(names = "--realtime", description = "Pace file and synthetic sources to their capture times, like live cameras")
    boolean realtime;

    @Option(names = "--annotate", defaultValue = "4", description = "Annotated frames per camera (default: ${DEFAULT-VALUE})")
    int annotate;

    @Option(names = "--blur-people", description = "Blur every person in the annotated frames")
    boolean blurPeople;

    @Option(names = "--harvest-into", paramLabel = "DIR",
            description = "Also store the crops the matcher harvests in this crop store (for crossview train --store DIR)")
    Path harvestInto;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Matcher settings file (as for crossview match --config): its tracker: (with harvest:) and linker: sections")
    Path matcherConfig;

    @Override
    public Integer call() throws Exception {
        DetectionMode mode = models.detection("nanodet", new OracleSettings(oracleJitter, oracleMiss, 1));
        RunSettings settings = new RunSettings("run", out, cluster.external(), topicPrefix, mode, annotate, realtime)
                .withReidModel(models.reidModel()).withHarvestInto(harvestInto).withBlurPeople(blurPeople)
                .withMatcher(matcherConfig == null ? null : MatcherFile.load(matcherConfig));
        try (Feeds feeds = Feeds.open(CamerasFile.load(cameras))) {
            RunResult result = new PipelineRun(settings, System.out).run(feeds.list(), feeds.annotations(annotate));
            System.out.println(result.summaryLine("run"));
        }
        return 0;
    }
}
