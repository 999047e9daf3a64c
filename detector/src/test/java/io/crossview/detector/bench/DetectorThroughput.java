package io.crossview.detector.bench;

import io.crossview.common.image.Jpeg;
import io.crossview.common.onnx.OnnxGraph;
import io.crossview.detector.PersonDetector;
import io.crossview.detector.VtestFrames;
import io.crossview.detector.hog.HogPersonDetector;
import io.crossview.detector.hog.HogSettings;
import io.crossview.detector.yolo.Letterbox;
import io.crossview.detector.yolo.YoloDetector;
import io.crossview.detector.yolo.YoloSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Frames per second of HOG and of an ONNX detector on the same vtest.avi halves, one thread
 * each. The ONNX model is a YOLOX-shaped convolution net built here (five stride-2 3x3 convs,
 * 1x1 heads at strides 8/16/32, output [N, 8400, 85] at 640x640, ~0.85 GFLOPs, about
 * YOLOX-nano's cost); its boxes mean nothing, its cost and the stage's pre- and post-processing
 * are real. Run: {@code java -cp <test classpath> io.crossview.detector.bench.DetectorThroughput [frames]}.
 */
public final class DetectorThroughput {
    private DetectorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = 10 + 20 * i;
        }
        List<Mat> halves = new ArrayList<>();
        for (Mat full : VtestFrames.read(indexes).values()) {
            for (int side = 0; side < 2; side++) {
                try (Mat half = VtestFrames.half(full, side)) {
                    halves.add(Jpeg.decode(Jpeg.encode(half, 90))); // as the stage sees them
                }
            }
            full.close();
        }
        Path model = Files.write(Files.createTempFile("yolox-shaped", ".onnx"), yoloxShaped(640));
        double hog;
        try (PersonDetector d = new HogPersonDetector(HogSettings.defaults())) {
            hog = framesPerSecond(d, halves, 1);
        }
        YoloSettings settings = YoloSettings.defaults(model).withRuntime(1, false);
        try (YoloDetector one = YoloDetector.open(settings.withBatching(1, 0));
             YoloDetector eight = YoloDetector.open(settings.withBatching(8, 0))) {
            double onnx1 = framesPerSecond(one, halves, 1);
            double onnx8 = framesPerSecond(eight, halves, 8);
            double letterbox = letterboxMs(halves);
            System.out.printf(Locale.ROOT, "%d half-frames 384x576, 1 intra-op thread%n", halves.size());
            System.out.printf(Locale.ROOT, "HOG (defaults)            %6.1f frames/s%n", hog);
            System.out.printf(Locale.ROOT, "ONNX 640x640, batch 1     %6.1f frames/s  (%.2fx HOG)%n", onnx1, onnx1 / hog);
            System.out.printf(Locale.ROOT, "ONNX 640x640, batch 8     %6.1f frames/s  (%.2fx HOG)%n", onnx8, onnx8 / hog);
            System.out.printf(Locale.ROOT, "letterbox + planar float  %6.2f ms/frame%n", letterbox);
        } finally {
            halves.forEach(Mat::close);
            Files.deleteIfExists(model);
        }
    }

    private static double framesPerSecond(PersonDetector detector, List<Mat> pictures, int batch) {
        detector.detectBatch(pictures.subList(0, Math.min(batch, pictures.size())), nulls(batch)); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < pictures.size(); i += batch) {
            List<Mat> chunk = pictures.subList(i, Math.min(pictures.size(), i + batch));
            detector.detectBatch(chunk, nulls(chunk.size()));
        }
        return pictures.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double letterboxMs(List<Mat> pictures) {
        float[] input = new float[3 * 640 * 640];
        long start = System.nanoTime();
        for (Mat p : pictures) {
            Letterbox.fit(p.cols(), p.rows(), 640, 640, Letterbox.Convention.YOLOX)
                    .write(p, Letterbox.Convention.YOLOX, input, 0);
        }
        return (System.nanoTime() - start) / 1e6 / pictures.size();
    }

    private static List<io.crossview.common.wire.Frame> nulls(int n) {
        List<io.crossview.common.wire.Frame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(null);
        }
        return frames;
    }

    /** The YOLOX-shaped net of the class comment, with seeded random weights. */
    static byte[] yoloxShaped(int size) {
        Random random = new Random(7);
        OnnxGraph g = new OnnxGraph("yolox-shaped");
        String x = g.floatInput("images", "N", 3, size, size);
        int[] widths = {16, 32, 64, 96, 128};
        int in = 3;
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            x = conv(g, random, "c" + i, x, in, widths[i], 3, 2);
            x = g.node("Relu", "r" + i, new String[] {x});
            in = widths[i];
            if (i >= 2) {
                String head = conv(g, random, "h" + i, x, in, 85, 1, 1);
                levels.add(g.node("Reshape", "flat" + i, new String[] {head, g.longs("s" + i, new long[] {0, 85, -1}, 3)}));
            }
        }
        String all = g.node("Concat", "all", levels.toArray(String[]::new), OnnxGraph.integer("axis", 2));
        String scores = g.node("Sigmoid", "sig", new String[] {all});
        g.node("Transpose", "output", new String[] {scores}, OnnxGraph.ints("perm", 0, 2, 1));
        g.floatOutput("output", "N", 8400, 85);
        return g.toModel("crossview-bench", Map.of());
    }

    private static String conv(OnnxGraph g, Random random, String name, String x, int in, int out, int k, int stride) {
        float[] w = new float[out * in * k * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * Math.sqrt(2.0 / (in * k * k)));
        }
        float[] b = new float[out];
        java.util.Arrays.fill(b, -2f); // most cells score low, as in a real picture
        int pad = k / 2;
        return g.node("Conv", name, new String[] {x, g.floats(name + "_w", w, out, in, k, k), g.floats(name + "_b", b, out)},
                OnnxGraph.ints("kernel_shape", k, k), OnnxGraph.ints("strides", stride, stride),
                OnnxGraph.ints("pads", pad, pad, pad, pad));
    }
}
