package io.crossview.common.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledGraphTest {
    @TempDir
    Path dir;

    private static final String HEAD = "!function(t){if(\"object\"==typeof exports)module.exports=t();}(function(){return "
            + "function t(e,a,l){return e}({1:[function(t,e,a){e.exports=";
    private static final String TAIL = "},{}]},{},[1])(1)});";

    /** The model.json as a minifier writes it into a bundle: bare keys, !0/!1, .5 for 0.5. */
    private static String minified(String json) {
        return json.replaceAll("\"(\\w+)\":", "$1:").replace("true", "!0").replace("false", "!1")
                .replaceAll("([:,\\[])0\\.", "$1.").replace("-0.", "-.");
    }

    private TinyGraph tiny() {
        return new TinyGraph().input("x", 1, 3)
                .uint8s("w", -1f, 0.5f, new int[] {0, 3, 255}, 3)
                .floats("b", new float[] {0.25f, -0.125f, 2f}, 3)
                .node("y", "Mul", "{\"T\":{\"type\":\"DT_FLOAT\"},\"transpose_a\":{\"b\":false}}", "x", "w")
                .node("z", "AddV2", "", "y", "b")
                .output("z");
    }

    /** Writes the tiny model as a bundle: model.min.js and its shard, next to the plain files. */
    private Path bundle(Path plainJson) throws Exception {
        String literal = minified(Files.readString(plainJson));
        Path js = Files.writeString(dir.resolve("model.min.js"), HEAD + literal + TAIL);
        String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("model.bin")));
        Files.writeString(dir.resolve("model.bin.min.js"), HEAD.replace("{e.exports=", "{m.exports=\"") + base64 + "\"" + TAIL);
        return js;
    }

    @Test
    void aBundledModelReadsAsTheModelJsonItWraps() throws Exception {
        Path json = tiny().write(dir);
        TfjsGraph plain = TfjsGraph.read(json);
        Path js = bundle(json);
        Files.delete(dir.resolve("model.bin"));
        TfjsGraph bundled = BundledGraph.read(js);
        assertEquals(plain.outputs(), bundled.outputs());
        assertArrayEquals(new float[] {-1f, 0.5f, 126.5f}, bundled.constants().get("w").floats());
        assertArrayEquals(new float[] {0.25f, -0.125f, 2f}, bundled.constants().get("b").floats());
        TfjsNode y = bundled.nodes().stream().filter(n -> n.name().equals("y")).findFirst().orElseThrow();
        assertFalse(y.attr().path("transpose_a").path("b").asBoolean(true), "!1 is false");
        assertEquals(plain.nodes().stream().map(n -> n.name() + ":" + n.op() + n.inputs()).toList(),
                bundled.nodes().stream().map(n -> n.name() + ":" + n.op() + n.inputs()).toList());
        assertTrue(TfjsToOnnx.convert(bundled, Map.of()).length > 0);
    }

    @Test
    void minifiedLiteralsBecomeJson() throws Exception {
        String js = "x.exports={a:!0,b:!1,c:.5,d:-.25,e:[1e-5,null],'f':'say \"hi\"',g:{h:\"k:v\"}}";
        assertEquals("{\"a\":true,\"b\":false,\"c\":0.5,\"d\":-0.25,\"e\":[1e-5,null],\"f\":\"say \\\"hi\\\"\","
                + "\"g\":{\"h\":\"k:v\"}}", BundledGraph.modelJson("m.js", js));
    }

    @Test
    void anotherOutputCanBeTakenAndAnUnknownOneIsNamed() throws Exception {
        TfjsGraph g = TfjsGraph.read(tiny().write(dir)).withOutputs(List.of("y"));
        assertEquals(List.of("y"), g.outputs());
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> g.withOutputs(List.of("features")));
        assertEquals("model.json has no node features to take as an output", e.getMessage());
    }

    @Test
    void aMissingShardOrAFileThatIsNoBundleIsOneLine() throws Exception {
        Path js = bundle(tiny().write(dir));
        Files.delete(dir.resolve("model.bin.min.js"));
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> BundledGraph.read(js));
        assertTrue(missing.getMessage().startsWith("model.min.js: weight shard model.bin (.min.js or .js) is missing"),
                missing.getMessage());
        Path notBundle = Files.writeString(dir.resolve("other.js"), "console.log(1)");
        assertEquals("other.js is not a bundled TF.js model: it exports no object literal",
                assertThrows(ModelFormatException.class, () -> BundledGraph.read(notBundle)).getMessage());
        Files.writeString(dir.resolve("model.bin.min.js"), "m.exports=\"@@not base64@@\"");
        assertTrue(assertThrows(ModelFormatException.class, () -> BundledGraph.read(js)).getMessage()
                .startsWith("model.bin.min.js: its exported string is not base64"));
    }
}
