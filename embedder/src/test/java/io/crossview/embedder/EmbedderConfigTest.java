package io.crossview.embedder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.embedder.runtime.ReidModel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbedderConfigTest {
    @Test
    void defaultsToOneThreadAndTheBuiltinModel() throws Exception {
        EmbedderConfig config = EmbedderConfig.defaults();
        assertEquals(1, config.intraOpThreads());
        assertTrue(config.model().isEmpty());
        try (ReidModel model = config.openModel()) {
            assertTrue(model.version().startsWith("builtin-appearance@"));
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new EmbedderConfig(0, null));
        assertThrows(IllegalArgumentException.class, () -> new EmbedderConfig(1000, null));
        assertThrows(IllegalArgumentException.class, () -> new EmbedderConfig(1, Path.of(" ")));
        EmbedderConfig missing = new EmbedderConfig(2, Path.of("/no/such/model.onnx"));
        assertThrows(NoSuchFileException.class, missing::openModel);
    }
}
