package io.crossview.embedder.registry;

import io.crossview.common.kafka.KafkaConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.ModelAnnouncement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building announcements; sending and reading them is ModelAnnouncerIT's, on a real broker (deploy). */
class ModelRegistryTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void anAnnouncementCarriesEveryFieldAndTheSchemaVersion() {
        ModelAnnouncement a = ModelRegistry.announcement("reid", "m@abababababab", "/m.onnx", SHA,
                Map.of("heldout.mAP", 0.5), 42);
        assertEquals(WireSchema.VERSION, a.getSchemaVersion());
        assertEquals("reid", a.getName());
        assertEquals("m@abababababab", a.getVersion());
        assertEquals("/m.onnx", a.getUri());
        assertEquals(SHA, a.getSha256());
        assertEquals(Map.of("heldout.mAP", 0.5), a.getMetricsMap());
        assertEquals(42, a.getCreatedMs());
    }

    @Test
    void aHalfAnnouncementIsRefusedBeforeAnyEmbedderSeesIt() {
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.announcement(" ", "v", "u", SHA, Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.announcement("n", null, "u", SHA, Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.announcement("n", "v", "", SHA, Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.announcement("n", "v", "u", "AB".repeat(32),
                Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.announcement("n", "v", "u", SHA,
                Map.of("mAP", Double.NaN), 0));
        assertThrows(IllegalArgumentException.class, () -> new ModelRegistry(KafkaConnection.plain("h:9092"), " "));
        assertThrows(IllegalArgumentException.class, () -> KafkaConnection.plain(""));
    }
}
