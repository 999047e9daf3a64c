package io.crossview.deploy.synth;

import io.crossview.eval.composite.CompositeSpec;
import io.crossview.eval.composite.CompositeWriter;
import io.crossview.eval.reid.MarketWriter;
import io.crossview.eval.synth.SynthWriter;
import io.crossview.eval.synth.SyntheticWorld;
import io.crossview.eval.synth.WorldSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossview synth}: writes the synthetic world as videos, ground truth and topology. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Render the synthetic multi-camera world: DIR/<camera>.mp4, ground truth per camera in "
                + "MOTChallenge layout (DIR/<camera>/gt/gt.txt, global identity ids), DIR/topology.yaml and DIR/world.yaml.",
            "The same world feeds the pipeline live through synth://CAMERA?seed=..&cameras=..&people=.. urls.",
            "--composite makes the benchmark of real people instead: walkers cut out of a fixed-camera video "
                + "(vtest.avi unless --from) with NanoDet and background subtraction, pasted into --cameras views of its "
                + "empty scene that each person visits in order; the same layout plus DIR/cameras.yaml (for crossview run), "
                + "DIR/composite.yaml and DIR/people.png."})
public final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "World seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--composite", description = "Composite real people cut from a video instead of rendering the world")
    boolean composite;

    @Option(names = "--from", paramLabel = "VIDEO",
            description = "With --composite: the fixed-camera video to cut people from (default: vtest.avi, fetched once)")
    Path from;

    @Option(names = "--cameras", description = "Cameras (default: 4; with --composite 3)")
    Integer cameras;

    @Option(names = "--people", description = "People (default: 12; with --composite: at most this many, default all "
            + "the video has)")
    Integer people;

    @Option(names = "--seconds", description = "Length in seconds (default: 60; a composite lasts as its visits do)")
    Double seconds;

    @Option(names = "--fps", defaultValue = "10", description = "Frames per second (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--size", defaultValue = "640x480", description = "Picture size WxH (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--market", paramLabel = "DIR",
            description = "Also write labelled person crops as a Market-1501 folder (for crossview eval reid)")
    Path market;

    @Option(names = "--market-step", defaultValue = "5", description = "Crop every Nth frame for --market (default: ${DEFAULT-VALUE})")
    int marketStep;

    @Override
    public Integer call() throws Exception {
        String[] wh = size.toLowerCase().split("x");
        if (wh.length != 2 || !wh[0].matches("\\d+") || !wh[1].matches("\\d+")) {
            throw new IllegalArgumentException("--size must look like 640x480, got " + size);
        }
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        if (composite) {
            return composite(width, height);
        }
        if (from != null) {
            throw new IllegalArgumentException("--from needs --composite");
        }
        WorldSpec spec = new WorldSpec(seed, cameras == null ? 4 : cameras, people == null ? 12 : people,
                seconds == null ? 60 : seconds, fps, width, height);
        AtomicLong lastPercent = new AtomicLong(-1);
        SynthWriter.Summary summary = SynthWriter.write(spec, out, (written, total) -> {
            long percent = written * 100 / Math.max(1, total);
            if (percent % 10 == 0 && lastPercent.getAndSet(percent) != percent) {
                System.out.println("synth: " + written + "/" + total + " frames (" + percent + "%)");
            }
        });
        if (market != null) {
            if (marketStep < 1) {
                throw new IllegalArgumentException("--market-step must be >= 1");
            }
            try (SyntheticWorld world = SyntheticWorld.create(spec)) {
                MarketWriter.Summary crops = MarketExport.write(world, market, marketStep, seed);
                System.out.println("synth: wrote " + crops.queries() + " query and " + crops.gallery()
                        + " gallery crops of " + crops.queryIdentities() + " identities to " + market);
            }
        }
        System.out.println("synth: wrote " + summary.cameras().size() + " cameras x " + summary.framesPerCamera()
                + " frames, " + summary.boxes() + " ground-truth boxes, topology and world spec to " + out);
        return 0;
    }

    private int composite(int width, int height) throws Exception {
        if (seconds != null) {
            throw new IllegalArgumentException("--seconds does not apply to --composite: its length follows from the visits");
        }
        if (market != null && marketStep < 1) {
            throw new IllegalArgumentException("--market-step must be >= 1");
        }
        CompositeSpec spec = new CompositeSpec(seed, cameras == null ? CompositeSpec.DEFAULT_CAMERAS : cameras,
                people == null ? Integer.MAX_VALUE : people, fps, width, height);
        CompositeWriter.Summary summary = CompositeSynth.run(spec, from, out, System.out);
        System.out.println("synth: wrote " + summary.cameras().size() + " cameras x " + summary.framesPerCamera()
                + " frames, " + summary.people() + " people, " + summary.boxes() + " ground-truth boxes "
                + String.format(Locale.ROOT, "(no-linking floor: MTMC IDF1 %.3f)", summary.noLinkingFloor()) + ", topology, "
                + "cameras.yaml, composite.yaml and people.png to " + out);
        if (market != null) {
            MarketWriter.Summary crops = MarketExport.fromVideos(out, summary.cameras(), market, marketStep, seed);
            System.out.println("synth: wrote " + crops.queries() + " query and " + crops.gallery()
                    + " gallery crops of " + crops.queryIdentities() + " real people to " + market);
        }
        return 0;
    }
}
