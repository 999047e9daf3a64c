package io.crossview.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvePlotTest {
    @TempDir
    Path dir;

    private static boolean has(BufferedImage image, java.awt.Color colour) {
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
    void eachCurveIsDrawnInItsOwnColourOnAPng() throws Exception {
        Path png = dir.resolve("plot.png");
        new CurvePlot("held-out mAP", "training time (s)", "mAP")
                .curve("PK", List.of(new CurvePlot.Point(10, 0.3), new CurvePlot.Point(20, 0.5)))
                .curve("graph", List.of(new CurvePlot.Point(12, 0.35), new CurvePlot.Point(25, 0.6)))
                .write(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(CurvePlot.WIDTH, image.getWidth());
        assertEquals(CurvePlot.HEIGHT, image.getHeight());
        assertTrue(has(image, CurvePlot.COLOURS[0]), "the first curve");
        assertTrue(has(image, CurvePlot.COLOURS[1]), "the second curve");
        assertTrue(!has(image, CurvePlot.COLOURS[2]), "no third curve");
    }

    @Test
    void moreCurvesThanColoursAreRefused() {
        CurvePlot plot = new CurvePlot("t", "x", "y");
        for (int i = 0; i < CurvePlot.COLOURS.length; i++) {
            plot.curve("c" + i, List.of());
        }
        assertThrows(IllegalArgumentException.class, () -> plot.curve("one more", List.of()));
    }
}
