package io.crossview.embedder.runtime;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.calibration.Logistic;
import io.crossview.common.model.ModelVersion;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.common.onnx.OnnxGraph;
import io.crossview.embedder.testing.Pictures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReidModelTest {
    @TempDir
    Path dir;

    @Test
    void builtinDeclaresVersionAndPreprocessing() {
        try (ReidModel model = ReidModel.builtin()) {
            ModelVersion v = model.modelVersion();
            assertEquals("builtin-appearance", v.name());
            assertEquals(ModelVersion.sha256(AppearanceModel.build()), v.sha256());
            assertEquals("builtin-appearance@" + v.sha256().substring(0, 12), model.version());
            assertTrue(model.version().matches("builtin-appearance@[0-9a-f]{12}"));
            Preprocessing p = model.preprocessing();
            assertEquals(96, p.height());
            assertEquals(48, p.width());
            assertTrue(p.rgb());
            assertArrayEquals(new float[] {0, 0, 0}, p.mean());
            assertArrayEquals(new float[] {1, 1, 1}, p.std());
        }
    }

    @Test
    void embeddingsAreUnitLengthWithSixParts() {
        try (ReidModel model = ReidModel.builtin();
             Mat a = Pictures.person(Pictures.RED, Pictures.BLUE, 0, 0, 1, 1, 1);
             Mat b = Pictures.uniform(17, 301, 10, 200, 30)) {
            List<Embedding> out = model.embed(List.of(a, b));
            assertEquals(2, out.size());
            for (Embedding e : out) {
                assertEquals(AppearanceModel.GLOBAL_DIM, e.global().length);
                assertEquals(1.0, norm(e.global()), 1e-5);
                assertEquals(AppearanceModel.STRIPES, e.parts().length);
                for (float[] part : e.parts()) {
                    assertEquals(AppearanceModel.PART_DIM, part.length);
                    assertEquals(1.0, norm(part), 1e-5);
                }
            }
            assertEquals(List.of(), model.embed(List.of()));
        }
    }

    @Test
    void bgrCropsReachTheModelAsRgb() {
        // pure red in BGR order. By hand (see AppearanceModelTest): each of the 7 regions has a
        // chromaticity block of norm 1, a brightness block of norm^2 0.49 (1 - 5 m^2) with m the
        // mean of (sqrt(2/3), sqrt(1/3), 0, 0, 0), and a texture block of norm^2 0.49 (1 - 5 0.2^2).
        try (ReidModel model = ReidModel.builtin(); Mat red = Pictures.uniform(40, 100, 0, 0, 255)) {
            Embedding e = model.embed(List.of(red)).get(0);
            double m = (Math.sqrt(2.0 / 3) + Math.sqrt(1.0 / 3)) / 5;
            double region = 1 + 0.49 * (1 - 5 * m * m) + 0.49 * (1 - 5 * 0.04);
            double expected = Math.sqrt(204.0 / 529) / Math.sqrt(7 * region);
            assertEquals(expected, e.global()[AppearanceModel.chromaBin(5, 0)], 1e-4);
            assertEquals(0, e.global()[AppearanceModel.chromaBin(0, 0)], 1e-3); // where blue would land
        }
    }

    @Test
    void samePersonIsCloserThanOtherClothing() {
        try (ReidModel model = ReidModel.builtin();
             Mat a = Pictures.person(Pictures.RED, Pictures.BLUE, 0, 0, 1, 1, 1);
             Mat again = Pictures.person(Pictures.RED, Pictures.BLUE, 3, -4, 0.9, 1.25, 2);
             Mat dimmer = Pictures.person(Pictures.RED, Pictures.BLUE, -2, 3, 1.05, 0.7, 3);
             Mat swapped = Pictures.person(Pictures.BLUE, Pictures.RED, 0, 0, 1, 1, 4);
             Mat other = Pictures.person(Pictures.GREEN, Pictures.DARK, 0, 0, 1, 1, 5);
             Mat shirt = Pictures.person(Pictures.YELLOW, Pictures.BLUE, 0, 0, 1, 1, 6);
             Mat upsideDown = new Mat()) {
            flip(a, upsideDown, 0);
            List<Embedding> e = model.embed(List.of(a, again, dimmer, swapped, other, shirt, upsideDown));
            double same = Math.min(e.get(0).similarity(e.get(1)), e.get(0).similarity(e.get(2)));
            double swap = e.get(0).similarity(e.get(3));
            double diff = e.get(0).similarity(e.get(4));
            double otherShirt = e.get(0).similarity(e.get(5));
            double flipped = e.get(0).similarity(e.get(6));
            assertTrue(same > 0.85, "same person, shifted, scaled and relit: " + same);
            assertTrue(same > swap + 0.15, "same " + same + " vs swapped clothes " + swap);
            assertTrue(same > diff + 0.2, "same " + same + " vs other clothes " + diff);
            assertTrue(same > otherShirt + 0.1, "same " + same + " vs other shirt " + otherShirt);
            // the same colours in the same amounts, upside down: only the stripes tell
            assertTrue(same > flipped + 0.15, "same " + same + " vs upside down " + flipped);
            // the shirt stripe (2 of 6) alone matches the same person better than the swapped one
            assertTrue(dot(e.get(0).parts()[2], e.get(1).parts()[2]) > dot(e.get(0).parts()[2], e.get(3).parts()[2]) + 0.3);
        }
    }

    @Test
    void defaultsAreTorchreidWhenTheModelSaysNothing() {
        // identity graph with a fixed 2x2 input: the embedding is the preprocessed input itself
        try (ReidModel model = ReidModel.open(identity(2, 2, Map.of(), "N"));
             Mat crop = Pictures.uniform(5, 7, 10, 100, 200)) {
            Preprocessing p = model.preprocessing();
            assertEquals(2, p.height());
            assertTrue(p.rgb());
            assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, p.mean());
            float[] channels = {(200 / 255f - 0.485f) / 0.229f, (100 / 255f - 0.456f) / 0.224f, (10 / 255f - 0.406f) / 0.225f};
            assertArrayEquals(expand(channels, 4), model.embed(List.of(crop)).get(0).global(), 1e-5f);
            assertEquals(0, model.embed(List.of(crop)).get(0).parts().length, "one output: no parts");
        }
        try (ReidModel model = ReidModel.open(identity("H", "W", Map.of(), "N"))) {
            assertEquals(256, model.preprocessing().height());
            assertEquals(128, model.preprocessing().width());
        }
    }

    @Test
    void metadataOverridesTheDefaults() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("crossview.input_height", "3");
        meta.put("crossview.input_width", "2");
        meta.put("crossview.mean", "0.5");
        meta.put("crossview.std", "0.25, 0.5, 1");
        meta.put("crossview.channel_order", "bgr");
        meta.put("crossview.name", "tiny");
        byte[] bytes = identity("H", "W", meta, "N");
        try (ReidModel model = ReidModel.open(bytes); Mat crop = Pictures.uniform(5, 7, 10, 100, 200)) {
            assertEquals(3, model.preprocessing().height());
            assertEquals(2, model.preprocessing().width());
            assertTrue(model.version().startsWith("tiny@" + ModelVersion.sha256(bytes).substring(0, 12)));
            float[] channels = {(10 / 255f - 0.5f) / 0.25f, (100 / 255f - 0.5f) / 0.5f, (200 / 255f - 0.5f)};
            assertArrayEquals(expand(channels, 6), model.embed(List.of(crop)).get(0).global(), 1e-5f);
        }
    }

    @Test
    void aFixedBatchSizeIsServedInChunks() {
        try (ReidModel model = ReidModel.open(identity(2, 2, Map.of(), 1L));
             Mat a = Pictures.uniform(4, 4, 0, 0, 255);
             Mat b = Pictures.uniform(4, 4, 255, 0, 0);
             Mat c = Pictures.uniform(4, 4, 0, 255, 0)) {
            List<Embedding> out = model.embed(List.of(a, b, c));
            assertEquals(3, out.size());
            assertTrue(out.get(0).global()[0] > out.get(1).global()[0], "red first, then blue: order kept");
        }
    }

    @Test
    void contradictoryOrBrokenModelsAreRejectedClearly() throws IOException {
        var wrongSize = assertThrows(IllegalArgumentException.class,
                () -> ReidModel.open(identity(2, 2, Map.of("crossview.input_height", "5"), 1)));
        assertTrue(wrongSize.getMessage().contains("crossview.input_height"), wrongSize.getMessage());

        Path missing = dir.resolve("nope.onnx");
        var notFound = assertThrows(NoSuchFileException.class, () -> ReidModel.open(missing));
        assertTrue(notFound.getMessage().contains("nope.onnx") && notFound.getMessage().contains("not found"),
                notFound.getMessage());

        Path corrupt = Files.write(dir.resolve("corrupt.onnx"), "this is not a model".getBytes());
        var bad = assertThrows(IllegalArgumentException.class, () -> ReidModel.open(corrupt));
        assertTrue(bad.getMessage().contains("corrupt.onnx") && bad.getMessage().contains("not a usable ONNX model"),
                bad.getMessage());

        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        var none = assertThrows(IllegalArgumentException.class, () -> ReidModel.open(empty));
        assertTrue(none.getMessage().contains("empty"), none.getMessage());
    }

    @Test
    void theModelsOwnCalibrationIsReadFromItsMetadataAndAbsentMeansNone() {
        Map<String, String> meta = Map.of(CalibrationMetadata.KEY_SAME_TRACK, "40,-28",
                CalibrationMetadata.KEY_BETWEEN, " 30.5 , -18.3 ", CalibrationMetadata.KEY_PAIRS, "120,900");
        try (ReidModel model = ReidModel.open(identity(2, 2, meta, "N"))) {
            CalibrationMetadata c = model.calibration().orElseThrow();
            assertEquals(new Logistic(40, -28), c.sameTrack());
            assertEquals(new Logistic(30.5, -18.3), c.between());
            assertEquals(120, c.positivePairs());
            assertEquals(900, c.negativePairs());
            assertEquals(c, CalibrationMetadata.read(c.toMetadata()).orElseThrow(), "what the trainer writes reads back");
        }
        try (ReidModel model = ReidModel.open(identity(2, 2, Map.of(), "N")); ReidModel builtin = ReidModel.builtin()) {
            assertTrue(model.calibration().isEmpty());
            assertTrue(builtin.calibration().isEmpty(), "the built-in model's curves are the defaults");
        }
    }

    @Test
    void aMalformedCalibrationKeyIsOneLineNamingTheKeyAndTheModelFile() throws IOException {
        Path file = Files.write(dir.resolve("odd.onnx"), identity(2, 2, Map.of(CalibrationMetadata.KEY_SAME_TRACK, "40",
                CalibrationMetadata.KEY_BETWEEN, "30,-18"), "N"));
        var e = assertThrows(IllegalArgumentException.class, () -> ReidModel.open(file));
        assertTrue(e.getMessage().contains("odd.onnx") && e.getMessage().contains("crossview.calibration.same_track")
                && e.getMessage().contains("'40'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());

        Path falling = Files.write(dir.resolve("falling.onnx"), identity(2, 2, Map.of(
                CalibrationMetadata.KEY_SAME_TRACK, "40,-28", CalibrationMetadata.KEY_BETWEEN, "-30,18"), "N"));
        var down = assertThrows(IllegalArgumentException.class, () -> ReidModel.open(falling));
        assertTrue(down.getMessage().contains("crossview.calibration.between") && down.getMessage().contains("positive"),
                down.getMessage());

        Path half = Files.write(dir.resolve("half.onnx"), identity(2, 2, Map.of(
                CalibrationMetadata.KEY_SAME_TRACK, "40,-28"), "N"));
        var missing = assertThrows(IllegalArgumentException.class, () -> ReidModel.open(half));
        assertTrue(missing.getMessage().contains("crossview.calibration.between is missing"), missing.getMessage());

        Path pairs = Files.write(dir.resolve("pairs.onnx"), identity(2, 2, Map.of(CalibrationMetadata.KEY_SAME_TRACK,
                "40,-28", CalibrationMetadata.KEY_BETWEEN, "30,-18", CalibrationMetadata.KEY_PAIRS, "many,few"), "N"));
        var count = assertThrows(IllegalArgumentException.class, () -> ReidModel.open(pairs));
        assertTrue(count.getMessage().contains("crossview.calibration.pairs"), count.getMessage());
    }

    @Test
    void aFileNamesItsModelUnlessMetadataDoes() throws IOException {
        Path file = Files.write(dir.resolve("osnet_x0_25.onnx"), identity(2, 2, Map.of(), 1));
        try (ReidModel model = ReidModel.open(file, 2)) {
            assertEquals("osnet_x0_25", model.modelVersion().name());
        }
        Path builtin = Files.write(dir.resolve("whatever.onnx"), AppearanceModel.build());
        try (ReidModel model = ReidModel.open(builtin); ReidModel same = ReidModel.builtin()) {
            assertEquals(same.version(), model.version());
        }
    }

    @Test
    void cropsMustBeColourPictures() {
        try (ReidModel model = ReidModel.builtin(); Mat gray = new Mat(10, 10, CV_8UC1)) {
            assertThrows(IllegalArgumentException.class, () -> model.embed(List.of(gray)));
            assertThrows(IllegalArgumentException.class, () -> model.embed(List.of(new Mat())));
        }
    }

    /** A graph whose single output is its input, flattened: [N,3,H,W] -> [N,3HW]. */
    static byte[] identity(Object height, Object width, Map<String, String> metadata, Object batch) {
        OnnxGraph g = new OnnxGraph("identity");
        String in = g.floatInput("input", batch, 3, height, width);
        g.node("Flatten", "embedding", new String[] {in}, OnnxGraph.integer("axis", 1));
        g.floatOutput("embedding", batch, "D");
        return g.toModel("test", metadata);
    }

    /** Each channel value repeated over the plane, then L2-normalised as the system does. */
    private static float[] expand(float[] channels, int plane) {
        float[] v = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(v, c * plane, (c + 1) * plane, channels[c]);
        }
        return Embedding.normalised(v);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
