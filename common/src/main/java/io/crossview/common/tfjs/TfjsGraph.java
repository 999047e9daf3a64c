package io.crossview.common.tfjs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TF.js graph model read into memory: its nodes, the values of its Const nodes (from the weight
 * files or inline), its inputs with their declared shapes and its outputs. Everything that can be
 * wrong with the files is found here, once, as a one-line {@link ModelFormatException}.
 */
public final class TfjsGraph {
    /** Reads a weight file named in the manifest; {@link #read(Path)} looks next to the model.json. */
    @FunctionalInterface
    public interface WeightFiles {
        byte[] read(String path) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final String generatedBy;
    private final String convertedBy;
    private final List<TfjsNode> nodes;
    private final Map<String, ConstTensor> constants;
    private final Map<String, long[]> inputs;
    private final List<String> outputs;

    private TfjsGraph(String source, JsonNode model, List<TfjsNode> nodes, Map<String, ConstTensor> constants,
            Map<String, long[]> inputs, List<String> outputs) {
        this(source, model.path("generatedBy").asText(""), model.path("convertedBy").asText(""), nodes, constants,
                inputs, outputs);
    }

    private TfjsGraph(String source, String generatedBy, String convertedBy, List<TfjsNode> nodes,
            Map<String, ConstTensor> constants, Map<String, long[]> inputs, List<String> outputs) {
        this.source = source;
        this.generatedBy = generatedBy;
        this.convertedBy = convertedBy;
        this.nodes = List.copyOf(nodes);
        this.constants = constants;
        this.inputs = inputs;
        this.outputs = List.copyOf(outputs);
    }

    /** Reads a model.json and the weight files its manifest names, from the same folder. */
    public static TfjsGraph read(Path modelJson) throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(modelJson);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(modelJson + " does not exist");
        }
        Path folder = modelJson.toAbsolutePath().getParent();
        return parse(modelJson.getFileName().toString(), json, path -> {
            try {
                return Files.readAllBytes(folder.resolve(path));
            } catch (NoSuchFileException e) {
                throw new ModelFormatException(modelJson.getFileName() + ": weight file " + path + " is missing from "
                        + folder);
            }
        });
    }

    /** Parses model.json bytes; {@code fileName} only names the model in error messages. */
    public static TfjsGraph parse(String fileName, byte[] modelJson, WeightFiles weightFiles) throws IOException {
        JsonNode model;
        try {
            model = JSON.readTree(modelJson);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(fileName + " is not JSON: " + e.getOriginalMessage());
        }
        if (model == null || !model.isObject()) {
            throw new ModelFormatException(fileName + " is not a JSON object");
        }
        String format = model.path("format").asText("");
        if (!format.equals("graph-model")) {
            throw new ModelFormatException(fileName + " is not a TF.js graph model: format is '" + format
                    + "', expected 'graph-model'" + (format.equals("layers-model") ? " (layers models are not supported)" : ""));
        }
        JsonNode nodeList = model.path("modelTopology").path("node");
        if (!nodeList.isArray() || nodeList.isEmpty()) {
            throw new ModelFormatException(fileName + " has no modelTopology.node list");
        }
        List<TfjsNode> nodes = new ArrayList<>();
        nodeList.forEach(n -> nodes.add(TfjsNode.of(n)));
        Map<String, ConstTensor> constants = manifestWeights(fileName, model.path("weightsManifest"), weightFiles);
        Map<String, ConstTensor> nodeConstants = new LinkedHashMap<>();
        Map<String, long[]> inputs = new LinkedHashMap<>();
        for (TfjsNode n : nodes) {
            if (n.op().equals("Const")) {
                ConstTensor w = constants.get(n.name());
                nodeConstants.put(n.name(), w != null ? w : Weights.inline(fileName, n));
            } else if (n.op().equals("Placeholder")) {
                inputs.put(n.name(), shapeOf(n.attr().path("shape").path("shape")));
            }
        }
        if (inputs.isEmpty()) {
            throw new ModelFormatException(fileName + " has no Placeholder (input) node");
        }
        return new TfjsGraph(fileName, model, nodes, nodeConstants, inputs, outputsOf(model, nodes));
    }

    private static Map<String, ConstTensor> manifestWeights(String fileName, JsonNode manifest, WeightFiles files)
            throws IOException {
        Map<String, ConstTensor> out = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StringBuilder names = new StringBuilder();
            for (JsonNode p : group.path("paths")) {
                bytes.write(files.read(p.asText()));
                names.append(names.length() == 0 ? "" : "+").append(p.asText());
            }
            long needed = 0;
            for (JsonNode w : group.path("weights")) {
                String stored = w.path("quantization").path("dtype").asText(w.path("dtype").asText());
                int per = Weights.storedBytes(stored);
                if (per < 0) {
                    throw new ModelFormatException(fileName + ": weight " + w.path("name").asText() + " is stored as "
                            + stored + ", which the converter cannot read");
                }
                needed += per * ConstTensor.size(shapeOf(w.path("shape")));
            }
            if (bytes.size() < needed) {
                throw new ModelFormatException(names + " is truncated: manifest needs " + needed + " bytes, file has "
                        + bytes.size());
            }
            ByteBuffer data = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : group.path("weights")) {
                out.put(w.path("name").asText(), Weights.decode(fileName, w, shapeOf(w.path("shape")), data));
            }
        }
        return out;
    }

    /** A manifest shape ({@code [3, 3]}) or a TF shape proto ({@code {"dim":[{"size":"3"}]}}); unknown dims are -1. */
    private static long[] shapeOf(JsonNode shape) {
        JsonNode dims = shape.isArray() ? shape : shape.path("dim");
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode d = dims.get(i);
            out[i] = d.isObject() ? d.path("size").asLong(0) : d.asLong();
        }
        return out;
    }

    /** Signature outputs, else nodes nothing consumes; in natural name order (Identity, Identity_1, ..., Identity_10). */
    private static List<String> outputsOf(JsonNode model, List<TfjsNode> nodes) {
        Set<String> names = new HashSet<>();
        model.path("signature").path("outputs").fieldNames().forEachRemaining(k -> names.add(stripPort(k)));
        if (names.isEmpty()) {
            Set<String> consumed = new HashSet<>();
            nodes.forEach(n -> n.inputs().forEach(i -> consumed.add(stripPort(i))));
            nodes.stream().filter(n -> !n.op().equals("Const") && !consumed.contains(n.name()))
                    .forEach(n -> names.add(n.name()));
        }
        return names.stream().sorted(Comparator.comparing(TfjsGraph::naturalKey)).toList();
    }

    private static String stripPort(String name) {
        return name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
    }

    private static String naturalKey(String name) {
        StringBuilder key = new StringBuilder();
        for (String part : name.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)")) {
            key.append(part.chars().allMatch(Character::isDigit) ? String.format("%012d", Long.parseLong(part)) : part);
        }
        return key.toString();
    }

    /** The file name, for messages and metadata. */
    public String source() {
        return source;
    }

    public String generatedBy() {
        return generatedBy;
    }

    public String convertedBy() {
        return convertedBy;
    }

    public List<TfjsNode> nodes() {
        return nodes;
    }

    /** The values of all Const nodes, by node name. */
    public Map<String, ConstTensor> constants() {
        return constants;
    }

    /** Placeholder names with their declared shapes (-1 where the model leaves a dim open), in graph order. */
    public Map<String, long[]> inputs() {
        return inputs;
    }

    /**
     * The same graph answering at these nodes instead (a backbone's feature layer rather than
     * its classifier); one line when one of them is not in the graph.
     */
    public TfjsGraph withOutputs(List<String> names) throws ModelFormatException {
        Set<String> known = new HashSet<>();
        nodes.forEach(n -> known.add(n.name()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw new ModelFormatException(source + " has no node " + name + " to take as an output");
            }
        }
        return new TfjsGraph(source, generatedBy, convertedBy, nodes, constants, inputs, names);
    }

    /** Output node names without {@code :0}, in natural name order. */
    public List<String> outputs() {
        return outputs;
    }
}
