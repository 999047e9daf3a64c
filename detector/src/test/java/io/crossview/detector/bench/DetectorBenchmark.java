package io.crossview.detector.bench;

import io.crossview.common.image.Jpeg;
import io.crossview.detector.PersonBox;
import io.crossview.detector.VtestFrames;
import io.crossview.detector.hog.HogPersonDetector;
import io.crossview.detector.hog.HogSettings;
import io.crossview.detector.yolo.BuiltinNanodet;
import io.crossview.detector.yolo.Letterbox;
import io.crossview.detector.yolo.YoloDetector;
import io.crossview.detector.yolo.YoloSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds per frame of HOG, of the built-in NanoDet at 320x320 and 416x416, and of an ONNX
 * detector (the YOLOX-shaped net of {@link DetectorThroughput}, about YOLOX-nano's cost, at
 * 640x640) on the same vtest.avi halves, and of letterboxing one frame; frames/s is 1000 / score.
 * NanoDet is obtained as on a user's first run (cached after).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
// The benchmark thread's default 1 MiB stack overflows in native code (exit code 139, no
// hs_err) since the NanoDet benchmarks joined; 8 MiB, a main thread's, is enough.
@Fork(value = 1, jvmArgsAppend = "-Xss8m")
public class DetectorBenchmark {
    private final List<Mat> halves = new ArrayList<>();
    private HogPersonDetector hog;
    private YoloDetector onnx;
    private YoloDetector nanodet320;
    private YoloDetector nanodet416;
    private Path model;
    private float[] input;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        int[] indexes = new int[10];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = 10 + 70 * i;
        }
        for (Mat full : VtestFrames.read(indexes).values()) {
            for (int side = 0; side < 2; side++) {
                try (Mat half = VtestFrames.half(full, side)) {
                    halves.add(Jpeg.decode(Jpeg.encode(half, 90))); // as the stage sees them
                }
            }
            full.close();
        }
        hog = new HogPersonDetector(HogSettings.defaults());
        model = Files.write(Files.createTempFile("yolox-shaped", ".onnx"), DetectorThroughput.yoloxShaped(640));
        onnx = YoloDetector.open(YoloSettings.defaults(model).withRuntime(1, false).withBatching(1, 0));
        input = new float[3 * 640 * 640];
        Path nanodet = BuiltinNanodet.obtain();
        nanodet320 = YoloDetector.open(YoloSettings.nanodet().withModel(nanodet).withRuntime(1, false));
        nanodet416 = YoloDetector.open(YoloSettings.nanodet().withModel(nanodet).withInputSize(416, 416)
                .withRuntime(1, false));
    }

    private Mat nextHalf() {
        next = (next + 1) % halves.size();
        return halves.get(next);
    }

    @Benchmark
    public List<PersonBox> hog() {
        return hog.detect(nextHalf());
    }

    @Benchmark
    public List<PersonBox> nanodet320() {
        return nanodet320.detect(nextHalf());
    }

    @Benchmark
    public List<PersonBox> nanodet416() {
        return nanodet416.detect(nextHalf());
    }

    @Benchmark
    public List<PersonBox> onnxYoloxShaped640() {
        return onnx.detect(nextHalf());
    }

    @Benchmark
    public float[] letterbox640() {
        Mat p = nextHalf();
        Letterbox.fit(p.cols(), p.rows(), 640, 640, Letterbox.Convention.YOLOX).write(p, Letterbox.Convention.YOLOX, input, 0);
        return input;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        hog.close();
        onnx.close();
        nanodet320.close();
        nanodet416.close();
        halves.forEach(Mat::close);
        Files.deleteIfExists(model);
    }
}
