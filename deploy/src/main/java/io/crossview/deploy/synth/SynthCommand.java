package io.crossview.deploy.synth;

import io.crossview.eval.reid.MarketWriter;
import io.crossview.eval.synth.SynthWriter;
import io.crossview.eval.synth.SyntheticWorld;
import io.crossview.eval.synth.WorldSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossview synth}: writes the synthetic world as videos, ground truth and topology. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Render the synthetic multi-camera world: DIR/<camera>.mp4, ground truth per camera in "
                + "MOTChallenge layout (DIR/<camera>/gt/gt.txt, global identity ids), DIR/topology.yaml and DIR/world.yaml.",
            "The same world feeds the pipeline live through synth://CAMERA?seed=..&cameras=..&people=.. urls."})
public final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "World seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cameras", defaultValue = "4", description = "Cameras (default: ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--people", defaultValue = "12", description = "People (default: ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seconds", defaultValue = "60", description = "Length in seconds (default: ${DEFAULT-VALUE})")
    double seconds;

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
        WorldSpec spec = new WorldSpec(seed, cameras, people, seconds, fps, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
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
}
