package io.crossview.common.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a stage's YAML file into its typed config, strictly (an unknown key is a mistake,
 * not something to ignore); every failure is one IOException line that names the file.
 */
public final class YamlFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private YamlFile() {
    }

    /**
     * The file as {@code type}, or null when it is empty.
     *
     * @param what how the error for a missing file names it ("cameras file", "embedder config")
     */
    public static <T> T read(Path file, Class<T> type, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, what + " not found");
        }
        String text = Files.readString(file);
        if (text.isBlank()) {
            return null;
        }
        try {
            return YAML.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IOException(file + ": unknown key '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() + ")", e);
        } catch (JsonMappingException e) {
            // a config record that refuses a value says why in an IllegalArgumentException
            String reason = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage()
                    : e.getOriginalMessage().lines().findFirst().orElse("unreadable");
            throw new IOException(file + ": " + reason, e);
        } catch (IOException e) {
            throw new IOException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
