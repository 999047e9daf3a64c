package io.crossview.common.tfjs;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.crossview.common.onnx.OnnxGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a TF.js graph model to an ONNX model (opset {@value OnnxGraph#OPSET}) in Java: constants
 * folded, shapes inferred at the declared input size, NHWC ops wrapped in transposes that then
 * cancel. By default batch and picture size stay free: the input is declared {@code [N, C, H, W]}
 * (or {@code [N, H, W, C]}) with symbolic N, H, W. Inputs and outputs keep their TF names without
 * {@code :0}; outputs come in natural name order ({@code Identity, Identity_1, ..., Identity_10}).
 * The same graph and options always give the same bytes.
 */
public final class TfjsToOnnx {
    /**
     * How to convert. {@code freeSize}: symbolic batch and spatial dims (Reshape targets and Resize
     * scales rewritten to follow them); off, the model runs only at {@code inputShape}.
     * {@code inputShape}: the size shapes are inferred at, empty for the declared one (needed when
     * the model declares -1 spatial dims). {@code cancelTransposes}: the peephole pass, off only to
     * measure what it does.
     */
    public record Options(boolean freeSize, List<Long> inputShape, boolean cancelTransposes) {
        public static final Options DEFAULT = new Options(true, List.of(), true);

        public Options {
            inputShape = List.copyOf(inputShape);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TfjsToOnnx.class);
    private static final Map<String, Op> OPS = new TreeMap<>();

    static {
        ArrayOps.register(OPS);
        MathOps.register(OPS);
        ConvOps.register(OPS);
    }

    private TfjsToOnnx() {
    }

    /** The TF ops the converter handles, besides Const and Placeholder. */
    public static Set<String> supportedOps() {
        return new TreeSet<>(OPS.keySet());
    }

    /** Converts with {@link Options#DEFAULT}; {@code metadata} (provenance) goes into metadata_props first. */
    public static byte[] convert(TfjsGraph graph, Map<String, String> metadata) {
        return convert(graph, metadata, Options.DEFAULT);
    }

    public static byte[] convert(TfjsGraph graph, Map<String, String> metadata, Options options) {
        Map<String, List<TfjsNode>> consumers = new HashMap<>();
        graph.nodes().forEach(n -> n.inputs().forEach(i -> consumers.computeIfAbsent(base(i), k -> new ArrayList<>()).add(n)));
        Conversion c = new Conversion(consumers, options.freeSize());
        List<ValueInfoProto> inputs = declareInputs(graph, options, c);
        graph.constants().forEach((name, value) -> c.put(name, Value.of(value)));
        int tfNodes = 0;
        for (TfjsNode n : order(graph)) {
            tfNodes++;
            if (n.op().equals("Placeholder") || n.op().equals("Const") || c.skipped(n.name())) {
                continue;
            }
            List<Value> in = n.inputs().stream().map(c::value).toList();
            ConstTensor folded = Folding.fold(n, in);
            if (folded != null) {
                c.put(n, Value.of(folded));
                continue;
            }
            Op op = OPS.get(n.op());
            if (op == null) {
                throw new UnsupportedOpException(n, "supported ops are Const, Placeholder, " + String.join(", ", OPS.keySet()));
            }
            op.convert(n, c);
        }
        List<ValueInfoProto> outputs = new ArrayList<>();
        for (String name : graph.outputs()) {
            Value v = c.value(name);
            String tensor = c.tensor(v, name);
            if (!tensor.equals(name) && !c.renameOutput(tensor, name, graph.outputs())) {
                c.nodes("Identity", List.of(name), List.of(tensor));
            }
            outputs.add(valueInfo(name, v.shape(), v.sym(), name, batchName(graph)));
        }
        int before = c.nodes.size();
        if (options.cancelTransposes()) {
            Peephole.cancelTransposes(c.nodes, new HashSet<>(graph.outputs()));
        }
        LOG.info("{}: {} TF nodes -> {} ONNX nodes ({} before cancelling transposes)", graph.source(), tfNodes,
                c.nodes.size(), before);
        return model(graph, c, inputs, outputs, metadata).toByteArray();
    }

    private static String base(String ref) {
        int colon = ref.lastIndexOf(':');
        return colon < 0 ? ref : ref.substring(0, colon);
    }

    /** Nodes the outputs need, each after its inputs (TF.js lists nodes in no promised order). */
    private static List<TfjsNode> order(TfjsGraph graph) {
        Map<String, TfjsNode> byName = new LinkedHashMap<>();
        graph.nodes().forEach(n -> byName.put(n.name(), n));
        List<TfjsNode> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> open = new HashSet<>();
        for (String output : graph.outputs()) {
            Deque<String> stack = new ArrayDeque<>(List.of(output));
            while (!stack.isEmpty()) {
                String name = stack.peek();
                TfjsNode n = byName.get(name);
                if (n == null) {
                    throw new IllegalArgumentException(graph.source() + ": node '" + name + "' is used but not defined");
                }
                if (done.contains(name)) {
                    stack.pop();
                    continue;
                }
                if (open.add(name)) {
                    for (int i = n.inputs().size() - 1; i >= 0; i--) {
                        String dep = base(n.inputs().get(i));
                        if (!done.contains(dep)) {
                            if (open.contains(dep)) {
                                throw new IllegalArgumentException(graph.source() + ": node '" + dep + "' is in a cycle");
                            }
                            stack.push(dep);
                        }
                    }
                } else {
                    stack.pop();
                    open.remove(name);
                    done.add(name);
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static String batchName(TfjsGraph graph) {
        return graph.inputs().size() == 1 ? "N" : "batch";
    }

    /** Inputs with symbolic batch and, for rank 4, spatial dims: NCHW when dim 1 looks like channels (<= 4). */
    private static List<ValueInfoProto> declareInputs(TfjsGraph graph, Options options, Conversion c) {
        List<ValueInfoProto> out = new ArrayList<>();
        boolean single = graph.inputs().size() == 1;
        graph.inputs().forEach((name, declared) -> {
            long[] shape = single && !options.inputShape().isEmpty()
                    ? options.inputShape().stream().mapToLong(Long::longValue).toArray() : declared.clone();
            byte[] sym = new byte[shape.length];
            String[] params = new String[shape.length];
            boolean nchw = shape.length == 4 && isNchw(shape, c.consumers(name), graph.constants());
            for (int d = 0; d < shape.length; d++) {
                boolean spatial = shape.length == 4 && (nchw ? d >= 2 : d == 1 || d == 2);
                if (shape[d] < 0 && (d == 0 || !spatial)) {
                    shape[d] = 1;
                } else if (shape[d] < 0) {
                    throw new IllegalArgumentException(graph.source() + ": input " + name
                            + " leaves its spatial size open; give Options.inputShape");
                }
                if (options.freeSize() && (d == 0 || spatial)) {
                    sym[d] = d == 0 ? Value.BATCH : Value.FREE;
                    params[d] = (single ? "" : name + "_") + (d == 0 ? "N" : (nchw ? d == 2 : d == 1) ? "H" : "W");
                }
            }
            c.reserve(name);
            c.put(name, Value.dynamic(name, shape, sym));
            out.add(tensorInfo(name, shape, params));
        });
        return out;
    }

    /** Output dims: batch ones named as the input's batch, other free ones {@code <output>_d<index>}. */
    private static ValueInfoProto valueInfo(String name, long[] shape, byte[] sym, String prefix, String batch) {
        String[] params = new String[shape.length];
        for (int d = 0; d < shape.length; d++) {
            params[d] = sym[d] == Value.BATCH ? batch : sym[d] == Value.FREE ? prefix + "_d" + d : null;
        }
        return tensorInfo(name, shape, params);
    }

    /** A float tensor's type: dims with a param are symbolic, the others fixed. */
    /**
     * Whether a 4-D input is NCHW: it is if the graph transposes it to NHWC first, not if an NHWC op
     * or an NHWC-to-NCHW transpose reads it; else the smaller of dims 1 and 3 is taken for channels.
     */
    private static boolean isNchw(long[] shape, List<TfjsNode> readers, Map<String, ConstTensor> constants) {
        for (TfjsNode r : readers) {
            ConstTensor perm = r.op().equals("Transpose") ? constants.get(r.inputs().get(1)) : null;
            if (perm != null && Arrays.equals(perm.asLongs(), Conversion.NCHW_TO_NHWC)) {
                return true;
            }
            if (perm != null && Arrays.equals(perm.asLongs(), Conversion.NHWC_TO_NCHW)) {
                return false;
            }
        }
        for (TfjsNode r : readers) {
            if (Set.of("Conv2D", "DepthwiseConv2dNative", "FusedConv2D", "_FusedConv2D", "FusedDepthwiseConv2dNative",
                    "MaxPool", "AvgPool", "ResizeBilinear", "ResizeNearestNeighbor").contains(r.op())) {
                return r.string("data_format", "NHWC").equals("NCHW");
            }
        }
        return shape[1] < shape[3];
    }

    private static ValueInfoProto tensorInfo(String name, long[] shape, String[] params) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
        for (int d = 0; d < shape.length; d++) {
            if (params[d] != null) {
                dims.addDimBuilder().setDimParam(params[d]);
            } else {
                dims.addDimBuilder().setDimValue(shape[d]);
            }
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(dims)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private static ModelProto model(TfjsGraph graph, Conversion c, List<ValueInfoProto> inputs,
            List<ValueInfoProto> outputs, Map<String, String> metadata) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(graph.source()).addAllInput(inputs).addAllOutput(outputs);
        c.nodes.forEach(g::addNode);
        Set<String> used = new HashSet<>();
        c.nodes.forEach(n -> used.addAll(n.getInputList()));
        graph.outputs().forEach(used::add);
        c.initializers.stream().filter(t -> used.contains(t.getName())).forEach(g::addInitializer);
        Map<String, String> props = new LinkedHashMap<>(metadata);
        props.putIfAbsent("tfjs.source", graph.source());
        props.putIfAbsent("tfjs.generatedBy", graph.generatedBy());
        props.putIfAbsent("tfjs.convertedBy", graph.convertedBy());
        props.putIfAbsent("converter", TfjsToOnnx.class.getName());
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(OnnxGraph.IR_VERSION)
                .setProducerName("crossview-tfjs-to-onnx")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxGraph.OPSET))
                .setGraph(g);
        props.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }
}
