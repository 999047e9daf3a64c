package io.crossview.common.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import io.crossview.common.onnx.OnnxGraph;

/** ONNX node attributes: those {@link OnnxGraph} makes, plus a float. */
final class OnnxAttrs {
    private OnnxAttrs() {
    }

    static AttributeProto ints(String name, long... values) {
        return OnnxGraph.ints(name, values);
    }

    static AttributeProto integer(String name, long value) {
        return OnnxGraph.integer(name, value);
    }

    static AttributeProto string(String name, String value) {
        return OnnxGraph.string(name, value);
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }
}
