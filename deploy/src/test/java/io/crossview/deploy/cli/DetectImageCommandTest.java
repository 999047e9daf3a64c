package io.crossview.deploy.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.onnx.OnnxGraph;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectImageCommandTest {
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    @TempDir
    Path dir;

    record Outcome(int exitCode, List<String> outLines, List<String> errLines) {
    }

    static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = CrossviewCli.run(new PrintWriter(err, true), args);
        } finally {
            System.setOut(original);
        }
        // the tests' log4j config logs to stdout, the distribution's to stderr: keep only the command's lines
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !LOG_LINE.matcher(l).find()).toList();
        return new Outcome(code, printed, err.toString().lines().toList());
    }

    /**
     * A YOLOv8-layout model ([1, 4+1, 84] for a 64x64 input) with two fixed boxes; the score of
     * the first is the red value of the input's centre pixel, so the picture decides it.
     */
    private static byte[] v8Model() {
        int anchors = 84;
        float[] table = new float[5 * anchors];
        float[] mask = new float[5 * anchors];
        float[][] boxes = {{32, 32, 20, 40}, {10, 40, 8, 16}};
        int[] at = {5, 30};
        for (int b = 0; b < 2; b++) {
            for (int v = 0; v < 4; v++) {
                table[v * anchors + at[b]] = boxes[b][v];
            }
        }
        table[4 * anchors + at[1]] = 0.5f;
        mask[4 * anchors + at[0]] = 1;
        OnnxGraph g = new OnnxGraph("v8-test");
        String images = g.floatInput("images", 1, 3, 64, 64);
        String pixel = g.node("Slice", "pixel", new String[] {images, g.longs("s", new long[] {0, 32, 32}, 3),
                g.longs("e", new long[] {1, 33, 33}, 3), g.longs("a", new long[] {1, 2, 3}, 3)});
        String p = g.node("Reshape", "p", new String[] {pixel, g.longs("shape", new long[] {-1, 1, 1}, 3)});
        String placed = g.node("Mul", "placed", new String[] {p, g.floats("mask", mask, 1, 5, anchors)});
        g.node("Add", "output0", new String[] {placed, g.floats("table", table, 1, 5, anchors)});
        g.floatOutput("output0", 1, 5, anchors);
        return g.toModel("crossview-test", Map.of("names", "{0: 'person'}"));
    }

    private Path picture() {
        Path file = dir.resolve("street.png");
        // 128x96: scale 0.5 into 64x64, 8 px of grey above and below; red 221 -> score 221/255 = 0.87
        try (Mat m = new Mat(96, 128, opencv_core.CV_8UC3, new Scalar(0, 0, 221, 0))) {
            assertTrue(imwrite(file.toString(), m));
        }
        return file;
    }

    @Test
    void printsOneLinePerBoxInPictureCoordinatesBestFirst() throws Exception {
        Path model = Files.write(dir.resolve("v8.onnx"), v8Model());
        Outcome o = run("detect", "--image", picture().toString(), "--model", model.toString(), "--cpu");
        assertEquals(0, o.exitCode(), o.errLines().toString());
        assertEquals(List.of("person 0.87 x=44 y=8 w=40 h=80", "person 0.50 x=12 y=48 w=16 h=32"), o.outLines());
    }

    @Test
    void theScoreOptionDropsWeakBoxesAndOutWritesTheAnnotatedPicture() throws Exception {
        Path model = Files.write(dir.resolve("v8.onnx"), v8Model());
        Path annotated = dir.resolve("annotated.png");
        Outcome o = run("detect", "--image", picture().toString(), "--model", model.toString(), "--layout", "yolov8",
                "--score", "0.6", "--out", annotated.toString());
        assertEquals(0, o.exitCode(), o.errLines().toString());
        assertEquals(List.of("person 0.87 x=44 y=8 w=40 h=80"), o.outLines());
        try (Mat drawn = imread(annotated.toString())) {
            assertEquals(128, drawn.cols());
            // the box's left edge is drawn in green over the red picture
            assertEquals(255, drawn.ptr(40, 44).get(1) & 0xff);
            assertEquals(0, drawn.ptr(40, 60).get(1) & 0xff);
        }
    }

    @Test
    void aBadModelOrPictureGivesOneLine() throws Exception {
        Path garbage = Files.writeString(dir.resolve("bad.onnx"), "nope");
        Outcome o = run("detect", "--image", picture().toString(), "--model", garbage.toString());
        assertEquals(1, o.exitCode());
        assertEquals(1, o.errLines().size(), o.errLines().toString());
        assertTrue(o.errLines().get(0).startsWith("crossview detect: detector model " + garbage
                + " is not a usable YOLO or NanoDet model"), o.errLines().get(0));

        Path notPicture = Files.writeString(dir.resolve("p.png"), "nope");
        o = run("detect", "--image", notPicture.toString());
        assertEquals(List.of("crossview detect: " + notPicture + " is not a readable picture"), o.errLines());

        o = run("detect", "--image", picture().toString(), "--detector", "hog", "--layout", "yolox");
        assertEquals(1, o.errLines().size(), o.errLines().toString());
        assertTrue(o.errLines().get(0).contains("set up an ONNX detector, not HOG"), o.errLines().get(0));
    }

    @Test
    void hogChecksThePicture() throws Exception {
        Outcome o = run("detect", "--image", picture().toString(), "--detector", "hog");
        assertEquals(0, o.exitCode(), o.errLines().toString());
        assertEquals(List.of(), o.outLines()); // a flat red picture holds nobody
    }
}
