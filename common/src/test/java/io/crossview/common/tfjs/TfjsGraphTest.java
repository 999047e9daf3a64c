package io.crossview.common.tfjs;

import static io.crossview.common.tfjs.TinyGraph.attrs;
import static io.crossview.common.tfjs.TinyGraph.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading TF.js files: weights decoded, and one readable line for each way a file can be wrong. */
class TfjsGraphTest {
    @TempDir
    Path dir;

    @Test
    void weightsDecodeFromFloat16Uint8Int32AndInlineValues() throws Exception {
        TfjsGraph g = TfjsGraph.read(new TinyGraph().input("x", 1, 2)
                .halfs("h", new float[] {0.5f, -2f, 1024f}, 3)
                .uint8s("q", -1f, 0.5f, new int[] {0, 3, 255}, 3)
                .ints("i", new long[] {-7, 70000}, 2)
                .ints("empty", new long[0], 0, 1)
                .inlineInt("axis", -1)
                .output("x").write(dir));
        assertArrayEquals(new float[] {0.5f, -2f, 1024f}, g.constants().get("h").floats());
        assertArrayEquals(new float[] {-1f, 0.5f, 126.5f}, g.constants().get("q").floats());
        assertArrayEquals(new long[] {-7, 70000}, g.constants().get("i").longs());
        assertArrayEquals(new long[] {0, 1}, g.constants().get("empty").shape());
        assertArrayEquals(new long[] {-1}, g.constants().get("axis").longs());
        assertArrayEquals(new long[] {1, 2}, g.inputs().get("x"));
    }

    @Test
    void halfPrecisionDecodesSubnormalsAndInfinity() {
        assertEquals(Float.POSITIVE_INFINITY, Weights.halfToFloat((short) 0x7c00));
        assertEquals(5.9604645e-8f, Weights.halfToFloat((short) 0x0001));
        assertEquals(-65504f, Weights.halfToFloat((short) 0xfbff));
    }

    @Test
    void aFileThatIsNotJsonIsRefusedInOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("model.json"), "<html>not found</html>");
        assertOneLine(assertThrows(ModelFormatException.class, () -> TfjsGraph.read(bad)), "model.json is not JSON");
    }

    @Test
    void jsonThatIsNotAGraphModelIsRefused() throws Exception {
        Path layers = Files.writeString(dir.resolve("model.json"), "{\"format\":\"layers-model\",\"modelTopology\":{}}");
        assertOneLine(assertThrows(ModelFormatException.class, () -> TfjsGraph.read(layers)),
                "model.json is not a TF.js graph model: format is 'layers-model'");
        Path empty = Files.writeString(dir.resolve("other.json"), "{\"format\":\"graph-model\"}");
        assertOneLine(assertThrows(ModelFormatException.class, () -> TfjsGraph.read(empty)),
                "other.json has no modelTopology.node list");
    }

    @Test
    void aTruncatedWeightFileSaysHowManyBytesAreMissing() throws Exception {
        Path json = new TinyGraph().input("x", 1).floats("w", new float[] {1, 2, 3}, 3).output("x").write(dir);
        Files.write(dir.resolve("model.bin"), new byte[10]);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TfjsGraph.read(json));
        assertEquals("model.bin is truncated: manifest needs 12 bytes, file has 10", e.getMessage());
    }

    @Test
    void aMissingWeightFileIsNamed() throws Exception {
        Path json = new TinyGraph().input("x", 1).floats("w", new float[] {1}, 1).output("x").write(dir);
        Files.delete(dir.resolve("model.bin"));
        assertOneLine(assertThrows(ModelFormatException.class, () -> TfjsGraph.read(json)),
                "model.json: weight file model.bin is missing");
    }

    @Test
    void anUnsupportedOpIsNamedWithItsNode() throws Exception {
        TfjsGraph g = TfjsGraph.read(new TinyGraph().input("x", 1, 4).node("fft", "FFT", "", "x").output("fft").write(dir));
        UnsupportedOpException e = assertThrows(UnsupportedOpException.class, () -> TfjsToOnnx.convert(g, Map.of()));
        assertOneLine(e, "cannot convert TF.js op 'FFT' (node 'fft'): supported ops are Const, Placeholder, ");
        assertTrue(e.getMessage().contains("Conv2D"));
    }

    @Test
    void aReshapeThatMixesFreeDimsIsRefusedUnlessTheSizeIsFixed() throws Exception {
        // [N, H, W, C] = [1, 2, 2, 3] to [1, 3, 4]: both 3 and 4 differ from the dims at their index
        TfjsGraph g = TfjsGraph.read(new TinyGraph().input("x", 1, 2, 2, 3).ints("t", new long[] {1, 3, 4}, 3)
                .node("r", "Reshape", "", "x", "t").output("r").write(dir));
        assertOneLine(assertThrows(UnsupportedOpException.class, () -> TfjsToOnnx.convert(g, Map.of())),
                "cannot convert TF.js op 'Reshape' (node 'r'): target [1, 3, 4] of input [1, 2, 2, 3] has 2 entries");
        byte[] fixed = TfjsToOnnx.convert(g, Map.of(), new TfjsToOnnx.Options(false, java.util.List.of(), true));
        try (Ort ort = new Ort(fixed)) {
            float[] x = new float[12];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            assertArrayEquals(x, ort.first("x", x, 1, 2, 2, 3), 0f);
        }
    }

    @Test
    void aNonConstantPaddingIsRefusedInOneLine() throws Exception {
        TfjsGraph g = TfjsGraph.read(new TinyGraph().input("x", 1, 4).input("p", 1, 2)
                .node("pad", "Pad", attrs(s("mode", "CONSTANT")), "x", "p").output("pad").write(dir));
        assertOneLine(assertThrows(UnsupportedOpException.class, () -> TfjsToOnnx.convert(g, Map.of())),
                "cannot convert TF.js op 'Pad' (node 'pad'): paddings (input 1) must be constant");
    }

    private static void assertOneLine(Exception e, String start) {
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
