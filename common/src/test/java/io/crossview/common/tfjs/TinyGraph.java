package io.crossview.common.tfjs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes small TF.js graph models for tests, as tfjs-converter lays them out: a model.json whose
 * Const nodes take their values from a weights manifest over one .bin file (float32, float16 or
 * uint8 quantised, int32), attributes as TF AttrValue JSON.
 */
public final class TinyGraph {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode model = JSON.createObjectNode();
    private final ArrayNode nodes;
    private final ArrayNode weights;
    private final ArrayNode outputs = JSON.createArrayNode();
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();

    public TinyGraph() {
        model.put("format", "graph-model").put("generatedBy", "tiny-test").put("convertedBy", "TinyGraph");
        nodes = model.putObject("modelTopology").putArray("node");
        ObjectNode group = model.putArray("weightsManifest").addObject();
        group.putArray("paths").add("model.bin");
        weights = group.putArray("weights");
    }

    public TinyGraph input(String name, long... shape) {
        ObjectNode attr = JSON.createObjectNode();
        ArrayNode dims = attr.putObject("shape").putObject("shape").putArray("dim");
        for (long d : shape) {
            dims.addObject().put("size", Long.toString(d));
        }
        attr.putObject("dtype").put("type", "DT_FLOAT");
        nodes.addObject().put("name", name).put("op", "Placeholder").set("attr", attr);
        return this;
    }

    public TinyGraph floats(String name, float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return weight(name, "float32", null, b.array(), "DT_FLOAT", shape);
    }

    /** Stored as IEEE half, as tfjs-converter --quantize_float16 does; values must be exact in half. */
    public TinyGraph halfs(String name, float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putShort(toHalf(v));
        }
        ObjectNode q = JSON.createObjectNode().put("dtype", "float16").put("original_dtype", "float32");
        return weight(name, "float32", q, b.array(), "DT_FLOAT", shape);
    }

    /** Stored as uint8: value = min + q * scale. */
    public TinyGraph uint8s(String name, float min, float scale, int[] q, long... shape) {
        byte[] b = new byte[q.length];
        for (int i = 0; i < q.length; i++) {
            b[i] = (byte) q[i];
        }
        ObjectNode quant = JSON.createObjectNode().put("dtype", "uint8").put("min", min).put("scale", scale);
        return weight(name, "float32", quant, b, "DT_FLOAT", shape);
    }

    /** An int32 weight the node calls DT_INT64, as TF.js stores int64. */
    public TinyGraph ints(String name, long[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return weight(name, "int32", null, b.array(), "DT_INT64", shape);
    }

    private TinyGraph weight(String name, String dtype, ObjectNode q, byte[] bytes, String tfType, long... shape) {
        ObjectNode w = weights.addObject().put("name", name);
        ArrayNode s = w.putArray("shape");
        for (long d : shape) {
            s.add(d);
        }
        w.put("dtype", dtype);
        if (q != null) {
            w.set("quantization", q);
        }
        bin.writeBytes(bytes);
        ObjectNode attr = JSON.createObjectNode();
        attr.putObject("dtype").put("type", tfType);
        attr.putObject("value").putObject("tensor").put("dtype", tfType);
        nodes.addObject().put("name", name).put("op", "Const").set("attr", attr);
        return this;
    }

    /** A Const with its value inline in attr.value.tensor (no manifest entry). */
    public TinyGraph inlineInt(String name, long value) {
        String attr = "{\"dtype\":{\"type\":\"DT_INT32\"},\"value\":{\"tensor\":{\"dtype\":\"DT_INT32\","
                + "\"tensorShape\":{},\"intVal\":[" + value + "]}}}";
        return node(name, "Const", attr);
    }

    /** A node; {@code attrJson} is the attr object's JSON (see {@link #s}, {@link #ints}, {@link #f}). */
    public TinyGraph node(String name, String op, String attrJson, String... inputs) {
        ObjectNode n = nodes.addObject().put("name", name).put("op", op);
        ArrayNode in = n.putArray("input");
        for (String i : inputs) {
            in.add(i);
        }
        try {
            n.set("attr", JSON.readTree(attrJson.isEmpty() ? "{}" : attrJson));
        } catch (IOException e) {
            throw new IllegalArgumentException(attrJson, e);
        }
        return this;
    }

    public TinyGraph output(String... names) {
        for (String name : names) {
            outputs.add(name);
        }
        return this;
    }

    /** Writes model.json and model.bin into the folder; returns model.json. */
    public Path write(Path dir) throws IOException {
        ObjectNode sig = model.putObject("signature").putObject("outputs");
        outputs.forEach(o -> sig.putObject(o.asText() + ":0").put("name", o.asText() + ":0"));
        Files.write(dir.resolve("model.bin"), bin.toByteArray());
        return Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(model));
    }

    public byte[] convert(Path dir) throws IOException {
        return TfjsToOnnx.convert(TfjsGraph.read(write(dir)), java.util.Map.of("test", "tiny"));
    }

    public static String attrs(String... parts) {
        return "{" + String.join(",", parts) + "}";
    }

    public static String s(String key, String value) {
        return "\"" + key + "\":{\"s\":\"" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                + "\"}";
    }

    public static String ints(String key, long... values) {
        StringBuilder b = new StringBuilder("\"" + key + "\":{\"list\":{\"i\":[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        return b.append("]}}").toString();
    }

    /** A list of strings, as {@code fused_ops} is written. */
    public static String strings(String key, String... values) {
        StringBuilder b = new StringBuilder("\"" + key + "\":{\"list\":{\"s\":[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append('"')
                    .append(Base64.getEncoder().encodeToString(values[i].getBytes(StandardCharsets.UTF_8))).append('"');
        }
        return b.append("]}}").toString();
    }

    public static String f(String key, double value) {
        return "\"" + key + "\":{\"f\":" + value + "}";
    }

    public static String b(String key, boolean value) {
        return "\"" + key + "\":{\"b\":" + value + "}";
    }

    public static String i(String key, long value) {
        return "\"" + key + "\":{\"i\":\"" + value + "\"}";
    }

    /** Float to IEEE half, for values exactly representable (the tests only use such). */
    private static short toHalf(float v) {
        int bits = Float.floatToIntBits(v);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = (bits >>> 13) & 0x3ff;
        if (v == 0) {
            return (short) sign;
        }
        if (exp <= 0 || exp >= 31) {
            throw new IllegalArgumentException(v + " is not a normal half");
        }
        return (short) (sign | exp << 10 | mant);
    }
}
