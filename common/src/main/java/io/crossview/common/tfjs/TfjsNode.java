package io.crossview.common.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TF.js graph: its name, op, data inputs ({@code "x"} or {@code "x:1"}; control
 * inputs {@code "^x"} are dropped, they order side effects a graph model has none of) and its
 * attributes as the TF AttrValue JSON the converter wrote ({@code {"i":"2"}}, {@code {"s":base64}}...).
 */
public record TfjsNode(String name, String op, List<String> inputs, JsonNode attr) {
    public TfjsNode {
        inputs = List.copyOf(inputs);
    }

    static TfjsNode of(JsonNode json) {
        List<String> inputs = new ArrayList<>();
        json.path("input").forEach(i -> {
            if (!i.asText().startsWith("^")) {
                inputs.add(i.asText());
            }
        });
        return new TfjsNode(json.path("name").asText(), json.path("op").asText(), inputs, json.path("attr"));
    }

    public boolean has(String key) {
        return attr.has(key);
    }

    public long integer(String key, long fallback) {
        JsonNode v = attr.path(key).path("i");
        return v.isMissingNode() ? fallback : Long.parseLong(v.asText());
    }

    public float real(String key, float fallback) {
        JsonNode v = attr.path(key).path("f");
        return v.isMissingNode() ? fallback : (float) v.asDouble();
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = attr.path(key).path("b");
        return v.isMissingNode() ? fallback : v.asBoolean();
    }

    /** A string attribute ({@code "s"} is base64 in the JSON), decoded. */
    public String string(String key, String fallback) {
        JsonNode v = attr.path(key).path("s");
        return v.isMissingNode() ? fallback : decode(v.asText());
    }

    public long[] ints(String key) {
        JsonNode list = attr.path(key).path("list").path("i");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(list.get(i).asText());
        }
        return out;
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        attr.path(key).path("list").path("s").forEach(s -> out.add(decode(s.asText())));
        return out;
    }

    /** A TF type name such as {@code DT_FLOAT}, or the fallback. */
    public String type(String key, String fallback) {
        JsonNode v = attr.path(key).path("type");
        return v.isMissingNode() ? fallback : v.asText();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
