package io.crossview.embedder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.embedder.registry.ModelSources;
import io.crossview.embedder.runtime.Provider;
import io.crossview.embedder.runtime.ReidModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedderConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToOneThreadTheBuiltinModelAndSmallBatches() throws Exception {
        EmbedderConfig config = EmbedderConfig.defaults();
        assertEquals(1, config.runtime().intraOpThreads());
        assertEquals(Provider.AUTO, config.runtime().provider());
        assertEquals(32, config.maxBatch());
        assertEquals(5, config.cropsEvery());
        assertEquals("reid", config.modelName());
        assertTrue(config.model().isEmpty());
        try (ReidModel model = config.openModel()) {
            assertTrue(model.version().startsWith("builtin-appearance@"));
        }
    }

    @Test
    void aYamlFileOverridesWhatItNamesAndKeepsTheRest() throws IOException {
        Path file = Files.writeString(dir.resolve("embedder.yaml"), """
                model: /models/osnet_x0_25.onnx
                provider: cpu
                intra_op_threads: 2
                max_batch: 8
                crops_every: 0
                model_sources: [/models, "https://models.example.com/reid"]
                """);
        EmbedderConfig config = EmbedderConfig.load(file);
        assertEquals(Path.of("/models/osnet_x0_25.onnx"), config.modelPath());
        assertEquals(Provider.CPU, config.runtime().provider());
        assertEquals(2, config.runtime().intraOpThreads());
        assertEquals(8, config.maxBatch());
        assertEquals(0, config.cropsEvery());
        assertEquals(EmbedderConfig.defaults().maxWaitMs(), config.maxWaitMs());
        assertEquals(List.of("file:///models/", "https://models.example.com/reid/"), config.modelSources().prefixes());
        assertEquals(ModelSources.LOCAL_FILES, EmbedderConfig.defaults().modelSources());
    }

    @Test
    void mistakesAreOneLineNamingTheFile() throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "max_bacth: 8\n");
        IOException e = assertThrows(IOException.class, () -> EmbedderConfig.load(typo));
        assertTrue(e.getMessage().startsWith(typo + ": ") && e.getMessage().contains("max_bacth"), e.getMessage());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "provider: tpu\n");
        IOException p = assertThrows(IOException.class, () -> EmbedderConfig.load(bad));
        assertTrue(p.getMessage().contains("auto, cuda or cpu"), p.getMessage());
        Path negative = Files.writeString(dir.resolve("negative.yaml"), "crops_every: -5\n");
        IOException n = assertThrows(IOException.class, () -> EmbedderConfig.load(negative));
        assertTrue(n.getMessage().contains("crops_every"), n.getMessage());
        assertThrows(NoSuchFileException.class, () -> EmbedderConfig.load(dir.resolve("none.yaml")));
    }

    @Test
    void rejectsNonsense() {
        EmbedderConfig d = EmbedderConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withBatching(0, 10));
        assertThrows(IllegalArgumentException.class, () -> d.withBatching(8, -1));
        assertThrows(IllegalArgumentException.class, () -> d.withModel(Path.of(" ")));
        assertThrows(IllegalArgumentException.class, () -> d.withCropsEvery(-1));
        assertThrows(NoSuchFileException.class, d.withModel(Path.of("/no/such/model.onnx"))::openModel);
    }
}
