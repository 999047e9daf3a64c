package io.crossview.common.tfjs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A TF.js graph model that an npm package ships wrapped in JavaScript modules, as nsfwjs does:
 * {@code model.min.js} is a bundle whose module exports the model.json as an object literal,
 * and each weight shard {@code group1-shard1of2.min.js} a bundle exporting the shard's bytes as
 * one base64 string. Nothing is evaluated: the literal is rewritten to JSON (quoted keys,
 * {@code !0}/{@code !1} as booleans, {@code .5} as {@code 0.5}) and read as any model.json.
 */
public final class BundledGraph {
    private static final String EXPORTS = "exports=";

    private BundledGraph() {
    }

    /**
     * Reads a bundled model; the manifest's shard {@code NAME} is looked for as {@code NAME.min.js}
     * or {@code NAME.js} in the same folder.
     */
    public static TfjsGraph read(Path modelJs) throws IOException {
        String js = text(modelJs);
        byte[] json = modelJson(modelJs.getFileName().toString(), js).getBytes(StandardCharsets.UTF_8);
        Path folder = modelJs.toAbsolutePath().getParent();
        return TfjsGraph.parse(modelJs.getFileName().toString(), json, name -> {
            for (String candidate : new String[] {name + ".min.js", name + ".js"}) {
                Path shard = folder.resolve(candidate);
                if (Files.isRegularFile(shard)) {
                    return shard(candidate, text(shard));
                }
            }
            throw new ModelFormatException(modelJs.getFileName() + ": weight shard " + name + " (.min.js or .js) is missing from "
                    + folder);
        });
    }

    private static String text(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file + " does not exist");
        }
    }

    /** The model.json a bundle exports ({@code model.min.js}), as strict JSON. */
    public static String modelJson(String fileName, String js) throws ModelFormatException {
        int at = js.indexOf(EXPORTS + "{");
        if (at < 0) {
            throw new ModelFormatException(fileName + " is not a bundled TF.js model: it exports no object literal");
        }
        return toJson(fileName, js, at + EXPORTS.length());
    }

    /** The bytes a bundled shard exports as a base64 string. */
    public static byte[] shard(String fileName, String js) throws ModelFormatException {
        // the payload is the bundle's last module
        int at = js.lastIndexOf(EXPORTS + "\"");
        int end = at < 0 ? -1 : js.indexOf('"', at + EXPORTS.length() + 1);
        if (end < 0) {
            throw new ModelFormatException(fileName + " is not a bundled weight shard: it exports no string");
        }
        try {
            return Base64.getDecoder().decode(js.substring(at + EXPORTS.length() + 1, end));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(fileName + ": its exported string is not base64 (" + e.getMessage() + ")");
        }
    }

    /**
     * The JavaScript object literal starting at {@code start} rewritten as JSON, up to its closing
     * brace. Minified literals hold only what a JSON value holds, written shorter.
     */
    static String toJson(String fileName, String js, int start) throws ModelFormatException {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int i = start;
        while (i < js.length()) {
            char c = js.charAt(i);
            if (c == '"' || c == '\'') {
                int end = stringEnd(js, i);
                if (end < 0) {
                    break;
                }
                String body = js.substring(i + 1, end);
                out.append('"').append(c == '\'' ? body.replace("\"", "\\\"") : body).append('"');
                i = end + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return out.append(c).toString();
                }
            } else if (c == '!' && i + 1 < js.length() && (js.charAt(i + 1) == '0' || js.charAt(i + 1) == '1')) {
                out.append(js.charAt(i + 1) == '0' ? "true" : "false");
                i += 2;
                continue;
            } else if (c == '.' && !Character.isDigit(last(out))) {
                out.append('0');
            } else if (Character.isJavaIdentifierStart(c) && !Character.isLetterOrDigit(last(out)) && last(out) != '.') {
                int end = i;
                while (end < js.length() && Character.isJavaIdentifierPart(js.charAt(end))) {
                    end++;
                }
                int next = end;
                while (next < js.length() && Character.isWhitespace(js.charAt(next))) {
                    next++;
                }
                // a name before a colon is a key; any other (true, false, null) is a JSON word already
                boolean key = next < js.length() && js.charAt(next) == ':';
                out.append(key ? "\"" : "").append(js, i, end).append(key ? "\"" : "");
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        throw new ModelFormatException(fileName + ": the exported object literal does not end");
    }

    private static int stringEnd(String js, int open) {
        char quote = js.charAt(open);
        for (int i = open + 1; i < js.length(); i++) {
            if (js.charAt(i) == '\\') {
                i++;
            } else if (js.charAt(i) == quote) {
                return i;
            }
        }
        return -1;
    }

    private static char last(StringBuilder out) {
        return out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
    }
}
