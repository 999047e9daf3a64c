package io.crossview.embedder.testing;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.runtime.Preprocessing;

/** Re-ID models for tests, made by the project: the built-in one under other names (other bytes, other versions). */
public final class Models {
    private Models() {
    }

    public static byte[] renamedBuiltin(String name) {
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
