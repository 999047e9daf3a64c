package io.crossview.common.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Builds a {@link KafkaConnection} from what a user gives a command: a client properties file,
 * {@code CROSSVIEW_KAFKA_*} environment variables and the {@code --bootstrap} flag, later ones
 * winning. {@code CROSSVIEW_KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}: the rest of
 * the name lower-cased, each {@code _} a {@code .}.
 */
public final class KafkaSettings {
    public static final String ENV_PREFIX = "CROSSVIEW_KAFKA_";
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    /**
     * What CrossView's delivery guarantees and wire handling rest on; a user file that sets one of
     * these is refused rather than silently ignored or obeyed.
     */
    static final Set<String> OWNED = Set.of("key.serializer", "value.serializer", "key.deserializer",
            "value.deserializer", "group.id", "client.id", "enable.idempotence", "acks", "isolation.level",
            "enable.auto.commit", "transactional.id", "application.id", "processing.guarantee");

    private KafkaSettings() {
    }

    /**
     * @param bootstrapFlag the {@code --bootstrap} value, null when not given
     * @param file a Java properties file of Kafka client settings, null for none
     */
    public static KafkaConnection load(String bootstrapFlag, Path file, Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        if (file != null) {
            settings.putAll(read(file));
        }
        settings.putAll(fromEnvironment(env));
        for (String key : settings.keySet()) {
            if (OWNED.contains(key)) {
                throw new IllegalArgumentException("kafka settings: " + key + " is set by CrossView itself and cannot be"
                        + " changed" + (file != null ? " (remove it from " + file + ")" : ""));
            }
        }
        String fromSettings = settings.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        String bootstrap = bootstrapFlag != null ? bootstrapFlag : fromSettings != null ? fromSettings : DEFAULT_BOOTSTRAP;
        return new KafkaConnection(bootstrap.trim(), settings);
    }

    /** The process's own environment, for commands. */
    public static KafkaConnection load(String bootstrapFlag, Path file) {
        return load(bootstrapFlag, file, System.getenv());
    }

    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        for (var e : env.entrySet()) {
            if (e.getKey().startsWith(ENV_PREFIX) && e.getKey().length() > ENV_PREFIX.length()) {
                String key = e.getKey().substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                settings.put(key, e.getValue());
            }
        }
        return settings;
    }

    private static Map<String, String> read(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("kafka settings: no such file " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("kafka settings: cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            settings.put(key.trim(), props.getProperty(key).trim());
        }
        return settings;
    }
}
