package io.crossview.common.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes TF.js weights: the manifest's entries laid end to end over the concatenated weight
 * files, each stored as its own dtype or quantised (float16, or uint8/uint16 as min + q * scale),
 * and the small tensors a Const node may carry inline in its {@code value} attribute.
 */
final class Weights {
    private Weights() {
    }

    /** Bytes one stored element takes, or -1 for a dtype TF.js graph weights never use here. */
    static int storedBytes(String dtype) {
        return switch (dtype) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8", "bool" -> 1;
            default -> -1;
        };
    }

    /** Decodes one manifest entry starting at the buffer's position, advancing it. */
    static ConstTensor decode(String file, JsonNode entry, long[] shape, ByteBuffer data) throws ModelFormatException {
        String dtype = entry.path("dtype").asText();
        JsonNode q = entry.path("quantization");
        String stored = q.isMissingNode() ? dtype : q.path("dtype").asText();
        int n = Math.toIntExact(ConstTensor.size(shape));
        boolean isFloat = dtype.equals("float32");
        if (!isFloat && !dtype.equals("int32") && !dtype.equals("bool")) {
            throw new ModelFormatException(file + ": weight " + entry.path("name").asText() + " has dtype " + dtype
                    + ", only float32, int32 and bool are supported");
        }
        float min = (float) q.path("min").asDouble(0);
        float scale = (float) q.path("scale").asDouble(1);
        float[] floats = new float[isFloat ? n : 0];
        long[] longs = new long[isFloat ? 0 : n];
        for (int i = 0; i < n; i++) {
            double v = switch (stored) {
                case "float32" -> data.getFloat();
                case "int32" -> data.getInt();
                case "bool" -> data.get();
                case "float16" -> halfToFloat(data.getShort());
                case "uint8" -> min + (data.get() & 0xff) * scale;
                case "uint16" -> min + (data.getShort() & 0xffff) * scale;
                default -> throw new ModelFormatException(file + ": weight " + entry.path("name").asText()
                        + " is stored as " + stored + ", which TF.js does not write");
            };
            if (isFloat) {
                floats[i] = (float) v;
            } else {
                longs[i] = Math.round(v);
            }
        }
        return new ConstTensor(isFloat, shape, floats, longs);
    }

    /** IEEE 754 half to float, subnormals and infinities included (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant / 1024f / 16384f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** A Const node's inline {@code attr.value.tensor} (TF TensorProto JSON). */
    static ConstTensor inline(String file, TfjsNode node) throws ModelFormatException {
        JsonNode t = node.attr().path("value").path("tensor");
        if (t.isMissingNode()) {
            throw new ModelFormatException(file + ": Const node '" + node.name() + "' has no value in the manifest or inline");
        }
        JsonNode dims = t.path("tensorShape").path("dim");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).path("size").asLong(0);
        }
        int n = Math.toIntExact(ConstTensor.size(shape));
        String dtype = t.path("dtype").asText();
        boolean isFloat = dtype.equals("DT_FLOAT");
        Map<String, JsonNode> lists = new LinkedHashMap<>();
        for (String key : new String[] {"floatVal", "intVal", "int64Val", "boolVal"}) {
            if (t.has(key)) {
                lists.put(key, t.get(key));
            }
        }
        double[] values = new double[n];
        if (t.has("tensorContent")) {
            ByteBuffer raw = ByteBuffer.wrap(Base64.getDecoder().decode(t.get("tensorContent").asText()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                values[i] = switch (dtype) {
                    case "DT_FLOAT" -> raw.getFloat();
                    case "DT_INT32" -> raw.getInt();
                    case "DT_INT64" -> raw.getLong();
                    default -> throw new ModelFormatException(file + ": Const node '" + node.name()
                            + "' has inline " + dtype + " content, which the converter cannot read");
                };
            }
        } else if (n > 0) {
            if (lists.size() != 1) {
                throw new ModelFormatException(file + ": Const node '" + node.name() + "' of " + dtype
                        + " has an inline value the converter cannot read");
            }
            JsonNode list = lists.values().iterator().next();
            for (int i = 0; i < n; i++) {
                JsonNode v = list.get(Math.min(i, list.size() - 1)); // TF repeats the last value to fill
                values[i] = v.isBoolean() ? (v.asBoolean() ? 1 : 0) : Double.parseDouble(v.asText());
            }
        }
        float[] floats = new float[isFloat ? n : 0];
        long[] longs = new long[isFloat ? 0 : n];
        for (int i = 0; i < n; i++) {
            if (isFloat) {
                floats[i] = (float) values[i];
            } else {
                longs[i] = (long) values[i];
            }
        }
        return new ConstTensor(isFloat, shape, floats, longs);
    }
}
