package io.crossview.eval.composite;

import io.crossview.eval.mot.MotFile;
import io.crossview.eval.mot.MotRow;
import io.crossview.eval.mot.NoLinkingFloor;
import io.crossview.eval.synth.CameraTopology;
import io.crossview.eval.synth.GroundTruthBox;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes a composite of cut-out real people in the synthetic world's layout:
 * {@code DIR/<camera>.mp4}, {@code DIR/<camera>/gt/gt.txt} (MOTChallenge, global ids) with
 * {@code seqinfo.ini}, {@code DIR/topology.yaml}; and also {@code DIR/cameras.yaml} (for
 * {@code crossview run}), {@code DIR/composite.yaml} (parameters, source sha256, who is where)
 * and {@code DIR/people.png} (the cut-outs per visit). Everything but the videos' bytes follows
 * from the seed and the source; cameras are written in parallel.
 */
public final class CompositeWriter {
    /** MPEG-4 part 2 at a fine fixed quantiser, as the synthetic world writes: every FFmpeg decodes it. */

    /**
     * What was written.
     *
     * @param noLinkingFloor the MTMC IDF1 of perfect per-camera tracks never linked across cameras
     */
    public record Summary(Path dir, List<String> cameras, int framesPerCamera, int people, long boxes,
                          CameraTopology topology, double noLinkingFloor) {
        public Path groundTruth(String camera) {
            return dir.resolve(camera).resolve("gt").resolve("gt.txt");
        }
    }

    private CompositeWriter() {
    }

    /** The views of a composite: seeded crops, casts, and mirrors that alternate from a seeded start. */
    public static List<CameraView> views(CompositeSpec spec, int sourceWidth, int sourceHeight, SplittableRandom rnd) {
        boolean firstMirrored = rnd.nextBoolean();
        List<CameraView> views = new ArrayList<>();
        for (int i = 0; i < spec.cameras(); i++) {
            views.add(CameraView.random(rnd, i, firstMirrored ^ (i % 2 == 1), sourceWidth, sourceHeight, spec.width(),
                    spec.height()));
        }
        return views;
    }

    public static Summary write(CompositeSpec spec, PersonCutter.Result cut, Path dir, Consumer<String> progress)
            throws IOException {
        if (cut.people().isEmpty()) {
            throw new IOException("no person in " + cut.source().file() + " walks clear of others long enough for "
                    + spec.cameras() + " visits (" + cut.walks() + " walks)");
        }
        Files.createDirectories(dir);
        SplittableRandom root = new SplittableRandom(spec.seed());
        List<CameraView> views = views(spec, cut.source().width(), cut.source().height(), root.split());
        VisitPlan plan = VisitPlan.make(cut.people(), views, cut.source().fps(), spec.fps(), VisitPlan.Timing.DEFAULT,
                root.split());
        Compositor compositor = new Compositor(cut.people(), plan, views, cut.emptyScene());
        long boxes = writeCameras(spec, plan, views, compositor, dir, progress);
        List<String> names = views.stream().map(CameraView::name).toList();
        double floor = noLinkingFloor(dir, names, spec.fps());
        progress.accept(String.format(Locale.ROOT, "no-linking floor: MTMC IDF1 %.4f (perfect tracks on each camera, "
                + "never linked across)", floor));
        CameraTopology topology = plan.topology(names);
        CompositeFiles.writeYaml(dir.resolve("topology.yaml"), topology.asYaml());
        CompositeFiles.writeYaml(dir.resolve("cameras.yaml"), CompositeFiles.cameras(dir, views, spec.fps()));
        CompositeFiles.writeYaml(dir.resolve("composite.yaml"),
                CompositeFiles.composite(spec, cut, views, plan, floor));
        ContactSheet.write(dir.resolve("people.png"), cut.people(), views);
        return new Summary(dir, names, plan.frames(), cut.people().size(), boxes, topology, floor);
    }

    /** The floor over the ground truth just written: what linking across the cameras has to beat. */
    private static double noLinkingFloor(Path dir, List<String> cameras, double fps) throws IOException {
        Map<String, List<MotRow>> gt = new TreeMap<>();
        for (String camera : cameras) {
            gt.put(camera, MotFile.readGroundTruth(dir.resolve(camera).resolve("gt").resolve("gt.txt")));
        }
        return NoLinkingFloor.evaluate(gt, NoLinkingFloor.gapFrames(NoLinkingFloor.DEFAULT_GAP_SECONDS, fps)).idf1();
    }

    private static long writeCameras(CompositeSpec spec, VisitPlan plan, List<CameraView> views, Compositor compositor,
                                     Path dir, Consumer<String> progress) throws IOException {
        long total = (long) plan.frames() * views.size();
        AtomicLong written = new AtomicLong();
        AtomicLong lastTenth = new AtomicLong(-1);
        Runnable frameDone = () -> {
            long n = written.incrementAndGet();
            long tenth = n * 10 / total;
            if (lastTenth.getAndUpdate(t -> Math.max(t, tenth)) < tenth) {
                progress.accept("writing cameras: " + n + "/" + total + " frames (" + tenth * 10 + "%)");
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(views.size(),
                Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<Long>> jobs = new ArrayList<>();
            for (int c = 0; c < views.size(); c++) {
                int camera = c;
                jobs.add(pool.submit(() -> writeCamera(spec, plan, views.get(camera), camera, compositor, dir, frameDone)));
            }
            long boxes = 0;
            for (Future<Long> job : jobs) {
                boxes += job.get();
            }
            return boxes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + dir, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing " + dir + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long writeCamera(CompositeSpec spec, VisitPlan plan, CameraView view, int camera,
                                    Compositor compositor, Path dir, Runnable frameDone) throws IOException {
        Path gtDir = dir.resolve(view.name()).resolve("gt");
        Files.createDirectories(gtDir);
        Files.writeString(dir.resolve(view.name()).resolve("seqinfo.ini"),
                CompositeFiles.seqInfo(view.name(), spec, plan.frames()), StandardCharsets.UTF_8);
        Path video = dir.resolve(view.name() + CompositeFiles.VIDEO_SUFFIX);
        long boxes = 0;
        try (FFmpegFrameRecorder recorder = io.crossview.eval.synth.Mp4Recorder.start(video, spec.width(), spec.height(), spec.fps());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             BufferedWriter gt = Files.newBufferedWriter(gtDir.resolve("gt.txt"), StandardCharsets.UTF_8);
             Mat mat = new Mat(spec.height(), spec.width(), opencv_core.CV_8UC3)) {
            for (int f = 0; f < plan.frames(); f++) {
                Compositor.Rendered frame = compositor.render(camera, f);
                mat.data().put(frame.picture().bgr());
                recorder.record(converter.convert(mat));
                for (GroundTruthBox b : frame.boxes()) {
                    gt.write(b.motLine(f));
                    gt.newLine();
                    boxes++;
                }
                frameDone.run();
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write " + video + " (camera " + view.name() + "): " + e.getMessage(), e);
        }
        return boxes;
    }
}
