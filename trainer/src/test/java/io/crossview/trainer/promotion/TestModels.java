package io.crossview.trainer.promotion;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.crossview.common.onnx.OnnxGraph;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.runtime.Preprocessing;
import java.util.LinkedHashMap;
import java.util.Map;

/** Real re-ID models for promotion tests: a deliberately weak one, and the built-in one under other names. */
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

    /** The built-in model under another name: other bytes and version, the very same embeddings. */
    static byte[] renamedBuiltin(String name) {
        try {
            ModelProto.Builder model = ModelProto.parseFrom(AppearanceModel.build()).toBuilder();
            for (int i = 0; i < model.getMetadataPropsCount(); i++) {
                if (model.getMetadataProps(i).getKey().equals(Preprocessing.KEY_NAME)) {
                    model.setMetadataProps(i, StringStringEntryProto.newBuilder().setKey(Preprocessing.KEY_NAME)
                            .setValue(name));
                }
            }
            return model.build().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
