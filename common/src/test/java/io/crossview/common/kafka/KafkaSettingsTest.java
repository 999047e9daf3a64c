package io.crossview.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("client.properties"), text);
    }

    @Test
    void aPropertiesFileGivesTheSettingsAndTheAddress() throws IOException {
        Path file = file("bootstrap.servers=k1:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        KafkaConnection kafka = KafkaSettings.load(null, file, Map.of());
        assertEquals("k1:9093", kafka.bootstrap());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"), kafka.settings());
    }

    @Test
    void environmentOverridesTheFileAndTheFlagOverridesBoth() throws IOException {
        Path file = file("bootstrap.servers=k1:9093\nsecurity.protocol=SSL\n");
        Map<String, String> env = Map.of("CROSSVIEW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "CROSSVIEW_KAFKA_SASL_JAAS_CONFIG", "x required;", "CROSSVIEW_KAFKA_BOOTSTRAP_SERVERS", "k2:9093",
                "PATH", "/bin", "CROSSVIEW_KAFKA_", "ignored");
        KafkaConnection kafka = KafkaSettings.load(null, file, env);
        assertEquals("k2:9093", kafka.bootstrap());
        assertEquals("SASL_SSL", kafka.settings().get("security.protocol"));
        assertEquals("x required;", kafka.settings().get("sasl.jaas.config"));
        assertEquals(2, kafka.settings().size());
        assertEquals("k3:9093", KafkaSettings.load("k3:9093", file, env).bootstrap());
    }

    @Test
    void withNothingGivenItIsTheLocalBrokerInPlaintext() {
        KafkaConnection kafka = KafkaSettings.load(null, null, Map.of());
        assertEquals(KafkaSettings.DEFAULT_BOOTSTRAP, kafka.bootstrap());
        assertTrue(kafka.settings().isEmpty());
    }

    @Test
    void settingsTheGuaranteesRestOnAreRefusedInOneLine() throws IOException {
        Path file = file("acks=1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaSettings.load(null, file, Map.of()));
        assertEquals("kafka settings: acks is set by CrossView itself and cannot be changed (remove it from "
                + file + ")", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> KafkaSettings.load(null, null, Map.of("CROSSVIEW_KAFKA_GROUP_ID", "mine")));
    }

    @Test
    void aMissingFileIsOneReadableLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaSettings.load(null, dir.resolve("nope.properties"), Map.of()));
        assertEquals("kafka settings: no such file " + dir.resolve("nope.properties"), e.getMessage());
    }
}
