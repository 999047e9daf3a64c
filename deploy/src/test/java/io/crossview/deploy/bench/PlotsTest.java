package io.crossview.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    @TempDir
    Path dir;

    private static boolean has(BufferedImage image, Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void eachCurveIsDrawnInItsOwnColour() throws Exception {
        Path png = dir.resolve("curves.png");
        Map<String, List<Plots.Point>> curves = new LinkedHashMap<>();
        curves.put("PK", List.of(new Plots.Point(10, 0.3), new Plots.Point(20, 0.5)));
        curves.put("graph", List.of(new Plots.Point(12, 0.35), new Plots.Point(25, 0.6)));
        Plots.curves(png, "held-out mAP", "training time (s)", "mAP", curves);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Plots.WIDTH, image.getWidth());
        assertEquals(Plots.HEIGHT, image.getHeight());
        assertTrue(has(image, Plots.COLOURS[0]), "the first curve");
        assertTrue(has(image, Plots.COLOURS[1]), "the second curve");
        assertFalse(has(image, Plots.COLOURS[2]), "no third curve");
    }

    @Test
    void moreCurvesThanColoursAreRefused() {
        Map<String, List<Plots.Point>> curves = new LinkedHashMap<>();
        for (int i = 0; i <= Plots.COLOURS.length; i++) {
            curves.put("c" + i, List.of());
        }
        assertThrows(IllegalArgumentException.class, () -> Plots.curves(dir.resolve("x.png"), "t", "x", "y", curves));
    }

    @Test
    void latenciesAreBinnedUpToTheLargest() {
        JsonNode bins = BenchPlots.histogram(new long[] {0, 5, 10, 99, 100}, 10);
        assertEquals(10, bins.size());
        assertEquals(3, bins.get(0).get("count").asLong() + bins.get(1).get("count").asLong(), "0 and 5 in the first, 10 next");
        assertEquals(2, bins.get(9).get("count").asLong(), "99 and the largest, 100, in the last");
        assertEquals(100.0, bins.get(9).get("to_ms").asDouble());
    }

    @Test
    void aSavedReportDrawsItsLatencyHistogramAndItsIdf1PerCamera() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("detection", "oracle").put("reid_model", "builtin");
        ObjectNode latency = report.putObject("latency_ms");
        latency.put("p50", 120).put("p99", 400).put("events", 5);
        latency.set("histogram", BenchPlots.histogram(new long[] {100, 120, 130, 200, 400}, 8));
        ObjectNode accuracy = report.putObject("accuracy");
        accuracy.putObject("per_camera").putObject("cam-a").put("IDF1", 0.8);
        accuracy.with("per_camera").putObject("cam-b").put("IDF1", 0.6);
        accuracy.put("mtmc_idf1", 0.7).put("no_linking_floor_mtmc_idf1", 0.5);
        List<Path> written = BenchPlots.write(report, dir);
        assertEquals(List.of(dir.resolve("latency.png"), dir.resolve("idf1.png")), written);
        BufferedImage bars = ImageIO.read(dir.resolve("idf1.png").toFile());
        assertTrue(has(bars, Plots.COLOURS[0]) && has(bars, Plots.COLOURS[1]) && has(bars, Plots.COLOURS[3]),
                "per-camera bars, MTMC and its floor");
        assertTrue(has(ImageIO.read(dir.resolve("latency.png").toFile()), Plots.COLOURS[0]));
    }
}
