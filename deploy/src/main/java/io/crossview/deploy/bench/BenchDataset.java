package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.crossview.eval.synth.SynthWriter;
import io.crossview.eval.synth.WorldSpec;
import io.crossview.ingest.config.CameraConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a bench run plays and scores against: the cameras as urls, the MOTChallenge ground-truth
 * folder (one sequence folder per camera) and its topology file, and how the report names it.
 * Either the synthetic world rendered for the run, or a recorded benchmark folder such as the
 * real-people composite ({@code crossview synth --composite}), its cameras played as
 * {@code mot://} sequences so the oracle detector has their ground truth too.
 */
record BenchDataset(List<CameraConfig> cameras, Path groundTruth, ObjectNode description) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    Path topologyFile() {
        return groundTruth.resolve("topology.yaml");
    }

    static BenchDataset synthetic(WorldSpec spec, Path work, PrintStream progress) throws IOException {
        progress.println("bench: rendering the ground truth of " + spec.cameras() + " cameras x " + spec.seconds() + " s");
        Path gt = work.resolve("gt");
        SynthWriter.write(spec, gt, null);
        List<CameraConfig> configs = new ArrayList<>();
        String query = String.format(Locale.ROOT, "seed=%d&cameras=%d&people=%d&seconds=%s&fps=%s&width=%d&height=%d",
                spec.seed(), spec.cameras(), spec.people(), spec.seconds(), spec.fps(), spec.width(), spec.height());
        for (int i = 1; i <= spec.cameras(); i++) {
            configs.add(new CameraConfig("cam" + i, "bench", "synth://cam" + i + "?" + query, spec.fps(),
                    null, null, null, null, null, null));
        }
        ObjectNode world = YAML.createObjectNode();
        world.put("kind", "synthetic").put("seed", spec.seed()).put("cameras", spec.cameras())
                .put("people", spec.people()).put("seconds", spec.seconds()).put("fps", spec.fps())
                .put("size", spec.width() + "x" + spec.height());
        return new BenchDataset(configs, gt, world);
    }

    /**
     * A benchmark folder: every subfolder with a {@code seqinfo.ini} is a camera, and
     * {@code topology.yaml} sits beside them. One readable line when the folder is not one.
     */
    static BenchDataset recorded(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--on " + dir + ": not a folder");
        }
        if (!Files.isRegularFile(dir.resolve("topology.yaml"))) {
            throw new IllegalArgumentException("--on " + dir + ": no topology.yaml (make one with crossview synth --composite)");
        }
        List<Path> sequences;
        try (Stream<Path> children = Files.list(dir)) {
            sequences = children.filter(p -> Files.isRegularFile(p.resolve("seqinfo.ini"))).sorted().toList();
        }
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("--on " + dir + ": no camera folders (<camera>/seqinfo.ini)");
        }
        List<CameraConfig> configs = new ArrayList<>();
        for (Path seq : sequences) {
            Properties info = new Properties();
            try (var in = Files.newBufferedReader(seq.resolve("seqinfo.ini"))) {
                info.load(in);
            }
            double fps = Double.parseDouble(info.getProperty("frameRate", "10").trim());
            configs.add(new CameraConfig(seq.getFileName().toString(), "bench", "mot://" + seq.toAbsolutePath(), fps,
                    null, null, null, null, null, null));
        }
        ObjectNode world = YAML.createObjectNode();
        world.put("kind", "recorded").put("folder", dir.toAbsolutePath().toString()).put("cameras", configs.size());
        Path composite = dir.resolve("composite.yaml");
        if (Files.isRegularFile(composite)) {
            ObjectNode spec = (ObjectNode) YAML.readTree(composite.toFile());
            world.put("kind", spec.path("kind").asText("recorded"));
            for (String key : List.of("seed", "people", "frames", "fps", "floor")) {
                if (spec.has(key)) {
                    world.set(key, spec.get(key));
                }
            }
        }
        return new BenchDataset(configs, dir, world);
    }
}
