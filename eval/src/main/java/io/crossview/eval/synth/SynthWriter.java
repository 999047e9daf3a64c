package io.crossview.eval.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Backend of {@code crossview synth --out DIR}: one MPEG-4 video per camera
 * ({@code DIR/<camera>.mp4}), its ground truth in MOTChallenge layout
 * ({@code DIR/<camera>/gt/gt.txt} with {@code seqinfo.ini}), the measured camera topology
 * ({@code DIR/topology.yaml}) and the world's parameters ({@code DIR/world.yaml}).
 * Cameras are written in parallel, one per core.
 */
public final class SynthWriter {
    /** Told after every frame written, from whichever camera's thread wrote it (calls are serialised). */
    @FunctionalInterface
    public interface Progress {
        void framesWritten(long written, long total);
    }

    /** What was written: per-camera file paths, frame and box counts, and the topology. */
    public record Summary(Path dir, List<String> cameras, int framesPerCamera, long boxes, CameraTopology topology) {
        public Path video(String camera) {
            return dir.resolve(camera + VIDEO_SUFFIX);
        }

        public Path groundTruth(String camera) {
            return dir.resolve(camera).resolve("gt").resolve("gt.txt");
        }
    }

    static final String VIDEO_SUFFIX = ".mp4";

    private SynthWriter() {
    }

    public static Summary write(WorldSpec spec, Path dir, Progress progress) throws IOException {
        try (SyntheticWorld world = SyntheticWorld.create(spec)) {
            return write(world, dir, progress);
        }
    }

    public static Summary write(SyntheticWorld world, Path dir, Progress progress) throws IOException {
        Files.createDirectories(dir);
        List<String> cameras = world.cameras();
        long total = (long) world.frames() * cameras.size();
        AtomicLong written = new AtomicLong();
        Progress safe = progress == null ? (w, t) -> { } : progress;
        Object lock = new Object();
        int threads = Math.max(1, Math.min(cameras.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long boxes = 0;
        try {
            List<Future<Long>> jobs = new ArrayList<>();
            for (String camera : cameras) {
                jobs.add(pool.submit(() -> writeCamera(world, camera, dir, () -> {
                    synchronized (lock) {
                        safe.framesWritten(written.incrementAndGet(), total);
                    }
                })));
            }
            for (Future<Long> job : jobs) {
                boxes += job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + dir, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing " + dir + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        CameraTopology topology = world.topology();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        yaml.writeValue(dir.resolve("topology.yaml").toFile(), topology.asYaml());
        yaml.writeValue(dir.resolve("world.yaml").toFile(), worldYaml(world));
        return new Summary(dir, cameras, world.frames(), boxes, topology);
    }

    private static long writeCamera(SyntheticWorld world, String camera, Path dir, Runnable frameDone) throws IOException {
        Path gtDir = dir.resolve(camera).resolve("gt");
        Files.createDirectories(gtDir);
        Files.writeString(dir.resolve(camera).resolve("seqinfo.ini"), seqInfo(world, camera), StandardCharsets.UTF_8);
        Path video = dir.resolve(camera + VIDEO_SUFFIX);
        long boxes = 0;
        try (FFmpegFrameRecorder recorder = Mp4Recorder.start(video, world.width(), world.height(), world.fps());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             BufferedWriter gt = Files.newBufferedWriter(gtDir.resolve("gt.txt"), StandardCharsets.UTF_8);
             Mat picture = new Mat()) {
            for (int f = 0; f < world.frames(); f++) {
                world.renderInto(camera, f, picture);
                recorder.record(converter.convert(picture));
                for (GroundTruthBox b : world.groundTruth(camera, f)) {
                    gt.write(b.motLine(f));
                    gt.newLine();
                    boxes++;
                }
                frameDone.run();
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write " + video + " (camera " + camera + "): " + e.getMessage(), e);
        }
        return boxes;
    }

    /** MOTChallenge's per-sequence description, which TrackEval reads for the sequence length. */
    private static String seqInfo(SyntheticWorld world, String camera) {
        return "[Sequence]\nname=" + camera + "\nimDir=img1\nframeRate=" + number(world.fps()) + "\nseqLength="
                + world.frames() + "\nimWidth=" + world.width() + "\nimHeight=" + world.height()
                + "\nimExt=.jpg\nvideo=../" + camera + VIDEO_SUFFIX + "\n";
    }

    private static Map<String, Object> worldYaml(SyntheticWorld world) {
        WorldSpec s = world.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", s.seed());
        m.put("cameras", s.cameras());
        m.put("people", s.people());
        m.put("seconds", s.seconds());
        m.put("fps", s.fps());
        m.put("width", s.width());
        m.put("height", s.height());
        m.put("frames", world.frames());
        m.put("source_uri", "synth://CAMERA?" + s.toQuery());
        m.put("video", Map.of("file", "<camera>" + VIDEO_SUFFIX, "codec", "mpeg4"));
        Map<String, Object> gt = new LinkedHashMap<>();
        gt.put("file", "<camera>/gt/gt.txt");
        gt.put("columns", List.of("frame", "id", "x", "y", "w", "h", "conf", "class", "visibility"));
        gt.put("frames", "1-based: line frame N is world frame N-1, at (N-1)/fps seconds");
        gt.put("pixels", "0-based left and top, box clipped to the picture");
        gt.put("ids", "global identities 1..people, the same in every camera");
        m.put("ground_truth", gt);
        Map<String, Object> views = new LinkedHashMap<>();
        for (String c : world.cameras()) {
            views.put(c, world.describeCamera(c));
        }
        m.put("camera_views", views);
        Map<String, Object> people = new LinkedHashMap<>();
        for (int id = 1; id <= world.people(); id++) {
            people.put(Integer.toString(id), world.describe(id));
        }
        m.put("identities", people);
        return m;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
