package io.crossview.common.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one conversion: the value of every TF output converted so far, the ONNX nodes and
 * initializers emitted, and the helpers op converters share (inputs as constants or tensors,
 * layout transposes, unique names). Op converters read TF inputs and {@link #put} their results.
 */
final class Conversion {
    static final long[] NHWC_TO_NCHW = {0, 3, 1, 2};
    static final long[] NCHW_TO_NHWC = {0, 2, 3, 1};

    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, List<TfjsNode>> consumers;
    private final Map<String, String> aliases = new HashMap<>();
    private final Set<String> skipped = new HashSet<>();
    private final Set<String> usedNames = new HashSet<>();
    final List<NodeProto.Builder> nodes = new ArrayList<>();
    final List<TensorProto> initializers = new ArrayList<>();

    /** Whether batch and picture size stay free (Reshape targets and Resize scales are rewritten for it). */
    final boolean freeSize;

    Conversion(Map<String, List<TfjsNode>> consumers, boolean freeSize) {
        this.consumers = consumers;
        this.freeSize = freeSize;
    }

    /** The value of a TF input reference ({@code x}, {@code x:0}, {@code x:1}). */
    Value value(String ref) {
        String key = ref.endsWith(":0") ? ref.substring(0, ref.length() - 2) : ref;
        Value v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("no value for '" + ref + "' yet");
        }
        return v;
    }

    Value in(TfjsNode n, int i) {
        if (i >= n.inputs().size()) {
            throw new UnsupportedOpException(n, "expected at least " + (i + 1) + " inputs, has " + n.inputs().size());
        }
        return value(n.inputs().get(i));
    }

    /** Input {@code i}, which must be known at conversion time (a shape, an axis, a padding). */
    ConstTensor constant(TfjsNode n, int i, String what) {
        Value v = in(n, i);
        if (!v.isConstant()) {
            throw new UnsupportedOpException(n, what + " (input " + i + ") must be constant");
        }
        return v.constant();
    }

    /** Input {@code i} as an ONNX tensor name; a constant becomes an initializer. */
    String tensor(TfjsNode n, int i) {
        return tensor(in(n, i), n.inputs().get(i));
    }

    String tensor(Value v, String hint) {
        return v.isConstant() ? initializer(hint, v.constant()) : v.onnx();
    }

    void put(TfjsNode n, Value v) {
        values.put(n.name(), v);
        String alias = aliases.get(n.name());
        if (alias != null) {
            values.put(alias, v);
        }
    }

    /** Gives {@code alias} the value {@code name} will get (a fused bias add takes its conv's result). */
    void alias(String alias, String name) {
        aliases.put(name, alias);
    }

    void put(String ref, Value v) {
        values.put(ref, v);
    }

    boolean has(String ref) {
        return values.containsKey(ref.endsWith(":0") ? ref.substring(0, ref.length() - 2) : ref);
    }

    /** The TF nodes that read any output of {@code name}. */
    List<TfjsNode> consumers(String name) {
        return consumers.getOrDefault(name, List.of());
    }

    /** Marks a node as done by a neighbour (a bias add fused into a conv): its value is already put. */
    void skip(String name) {
        skipped.add(name);
    }

    boolean skipped(String name) {
        return skipped.contains(name);
    }

    /** A name no other ONNX tensor has, derived from a TF name. */
    String fresh(String base) {
        String name = base;
        for (int k = 1; !usedNames.add(name); k++) {
            name = base + "__" + k;
        }
        return name;
    }

    /** Emits a node with one output named after {@code output} (made unique); returns the output name. */
    String node(String op, String output, List<String> inputs, AttributeProto... attributes) {
        String out = fresh(output);
        nodes(op, List.of(out), inputs, attributes);
        return out;
    }

    void nodes(String op, List<String> outputs, List<String> inputs, AttributeProto... attributes) {
        NodeProto.Builder b = NodeProto.newBuilder().setOpType(op).setName(outputs.get(0)).addAllOutput(outputs)
                .addAllInput(inputs);
        for (AttributeProto a : attributes) {
            b.addAttribute(a);
        }
        nodes.add(b);
    }

    String transpose(String input, String output, long[] perm) {
        return node("Transpose", output, List.of(input), OnnxAttrs.ints("perm", perm));
    }

    /** A constant as an initializer: floats as FLOAT, integers as INT64 (what ONNX shape inputs need). */
    String initializer(String hint, ConstTensor t) {
        return t.isFloat() ? floats(hint, t.floats(), t.shape()) : longs(hint, t.longs(), t.shape());
    }

    String floats(String hint, float[] values, long... shape) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return add(hint, TensorProto.DataType.FLOAT, raw.array(), shape);
    }

    String longs(String hint, long[] values, long... shape) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return add(hint, TensorProto.DataType.INT64, raw.array(), shape);
    }

    private String add(String hint, TensorProto.DataType type, byte[] raw, long[] shape) {
        String name = fresh(hint.replace(':', '_'));
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(raw));
        for (long d : shape) {
            t.addDims(d);
        }
        initializers.add(t.build());
        return name;
    }

    /**
     * Renames the output {@code from} of the node that makes it to {@code to}, if nothing else reads
     * it, so a graph output needs no Identity; false if it cannot.
     */
    boolean renameOutput(String from, String to, List<String> graphOutputs) {
        if (graphOutputs.contains(from) || usedNames.contains(to)
                || nodes.stream().anyMatch(n -> n.getInputList().contains(from))) {
            return false;
        }
        for (NodeProto.Builder n : nodes) {
            for (int i = 0; i < n.getOutputCount(); i++) {
                if (n.getOutput(i).equals(from)) {
                    n.setOutput(i, to);
                    usedNames.add(to);
                    return true;
                }
            }
        }
        return false;
    }

    /** Reserves a name that is not an emitted tensor (a graph input). */
    void reserve(String name) {
        usedNames.add(name);
    }
}
