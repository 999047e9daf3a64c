package io.crossview.trainer.promotion;

import io.crossview.common.onnx.OnnxGraph;
import io.crossview.embedder.runtime.Preprocessing;
import java.util.LinkedHashMap;
import java.util.Map;

/** A deliberately weak real re-ID model for promotion tests (the strong one is the built-in model, renamed). */
final class TestModels {
    private TestModels() {
    }

    /**
     * The mean colour of the crop's top-left corner: background, the same for everyone but for
     * light and noise, so it barely tells people apart.
     */
    static byte[] cornerMean() {
        OnnxGraph g = new OnnxGraph("corner-mean");
        String images = g.floatInput("images", "N", 3, 32, 16);
        String corner = g.node("Slice", "corner", new String[] {images, g.longs("starts", new long[] {0, 0}, 2),
                g.longs("ends", new long[] {4, 4}, 2), g.longs("axes", new long[] {2, 3}, 2)});
        g.node("ReduceMean", "features", new String[] {corner}, OnnxGraph.ints("axes", 2, 3),
                OnnxGraph.integer("keepdims", 0));
        g.floatOutput("features", "N", 3);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(Preprocessing.KEY_NAME, "corner-mean");
        metadata.put(Preprocessing.KEY_MEAN, "0,0,0");
        metadata.put(Preprocessing.KEY_STD, "1,1,1");
        return g.toModel("crossview-test", metadata);
    }
}
