package io.crossview.common.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.Map;

/**
 * A small builder of ONNX graphs made by hand: named inputs, constants, nodes and outputs,
 * serialised as a model. Deterministic: the same calls give the same bytes.
 */
public final class OnnxGraph {
    /** Opset 17 keeps ReduceMean's axes an attribute and is well inside what ORT 1.29 runs. */
    public static final int OPSET = 17;
    /** IR version 8 is the one that goes with opset 17. */
    public static final int IR_VERSION = 8;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int nodeCount;

    public OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A float tensor input; each dimension is a {@code Number} (fixed) or a {@code String} (symbolic). */
    public String floatInput(String name, Object... dims) {
        return input(name, TensorProto.DataType.FLOAT, dims);
    }

    /** A float tensor output; dimensions as in {@link #floatInput}. */
    public void floatOutput(String name, Object... dims) {
        output(name, TensorProto.DataType.FLOAT, dims);
    }

    /** An input of another element type (FLOAT16 for half-precision exports, say). */
    public String input(String name, TensorProto.DataType type, Object... dims) {
        graph.addInput(valueInfo(name, type, dims));
        return name;
    }

    public void output(String name, TensorProto.DataType type, Object... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    /** A float constant (initializer) of the given shape; returns its name. */
    public String floats(String name, float[] values, long... dims) {
        checkSize(name, values.length, dims);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber());
        Arrays.stream(dims).forEach(t::addDims);
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** An int64 constant (initializer), for shapes, axes and indices; returns its name. */
    public String longs(String name, long[] values, long... dims) {
        checkSize(name, values.length, dims);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber());
        Arrays.stream(dims).forEach(t::addDims);
        Arrays.stream(values).forEach(t::addInt64Data);
        graph.addInitializer(t);
        return name;
    }

    /** A one-output node; returns the name of its output. */
    public String node(String op, String output, String[] inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + nodeCount++).addOutput(output);
        Arrays.stream(inputs).forEach(n::addInput);
        Arrays.stream(attributes).forEach(n::addAttribute);
        graph.addNode(n);
        return output;
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        Arrays.stream(values).forEach(a::addInts);
        return a.build();
    }

    public static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    public static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /** The serialised model; metadata entries keep the map's iteration order. */
    public byte[] toModel(String producer, Map<String, String> metadata) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build().toByteArray();
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            if (d instanceof Number n) {
                shape.addDimBuilder().setDimValue(n.longValue());
            } else {
                shape.addDimBuilder().setDimParam(String.valueOf(d));
            }
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(elemType.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private static void checkSize(String name, int length, long... dims) {
        long expected = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        if (expected != length) {
            throw new IllegalArgumentException("constant " + name + " has " + length + " values for shape "
                    + Arrays.toString(dims));
        }
    }
}
