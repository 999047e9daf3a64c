package io.crossview.common.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.model.ModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
    static final byte[] MODEL = "pretend onnx".getBytes();

    @TempDir
    Path tmp;
    final AtomicInteger builds = new AtomicInteger();

    ModelCache.Producer counting() {
        return ModelCache.Producer.ofBytes(() -> {
            builds.incrementAndGet();
            return MODEL;
        });
    }

    @Test
    void aMissBuildsOnceAndAHitDoesNotCallTheProducer() throws IOException {
        ModelCache cache = new ModelCache(tmp);
        Path model = cache.get("nanodet.onnx", counting());
        assertEquals(tmp.resolve("models/nanodet.onnx"), model);
        assertArrayEquals(MODEL, Files.readAllBytes(model));
        assertEquals(model, new ModelCache(tmp).get("nanodet.onnx", counting()));
        assertEquals(1, builds.get());
        assertEquals(Set.of("nanodet.onnx", "nanodet.onnx.sha256", "nanodet.onnx.lock"),
                NpmPackageTest.names(cache.dir()), "no temporary file stays");
    }

    @Test
    void theSidecarIsASha256sumLine() throws IOException {
        Path model = new ModelCache(tmp).get("nanodet.onnx", counting());
        assertEquals(ModelVersion.sha256(MODEL) + "  nanodet.onnx\n", Files.readString(ModelCache.sidecar(model)));
    }

    @Test
    void aCachedFileThatNoLongerMatchesItsSha256IsRefusedInOneLine() throws IOException {
        ModelCache cache = new ModelCache(tmp);
        Path model = cache.get("nanodet.onnx", counting());
        Files.write(model, "tampered".getBytes());
        IOException e = assertThrows(IOException.class, () -> cache.get("nanodet.onnx", counting()));
        assertEquals("cached model " + ModelCache.display(model) + " does not match its sha256 (expected "
                + ModelVersion.sha256(MODEL).substring(0, 12) + "..., got "
                + ModelVersion.sha256("tampered".getBytes()).substring(0, 12) + "...): delete it to fetch it again",
                e.getMessage());
        assertEquals(1, builds.get(), "not rebuilt behind the user's back");

        Files.delete(model);
        assertArrayEquals(MODEL, Files.readAllBytes(cache.get("nanodet.onnx", counting())), "deleting it heals it");
    }

    @Test
    void aModelWithoutItsSidecarIsRefused() throws IOException {
        ModelCache cache = new ModelCache(tmp);
        Files.delete(ModelCache.sidecar(cache.get("nanodet.onnx", counting())));
        IOException e = assertThrows(IOException.class, () -> cache.lookup("nanodet.onnx"));
        assertTrue(e.getMessage().endsWith("has no nanodet.onnx.sha256 to check it against: delete it to fetch it again"),
                e.getMessage());
    }

    @Test
    void aFailingOrEmptyProducerLeavesNoFiles() throws IOException {
        ModelCache cache = new ModelCache(tmp);
        IOException e = assertThrows(IOException.class, () -> cache.get("nanodet.onnx", file -> {
            Files.write(file, "half".getBytes());
            throw new IOException("converter gave up");
        }));
        assertEquals("converter gave up", e.getMessage());
        assertThrows(IllegalStateException.class, () -> cache.get("nanodet.onnx", file -> {
            throw new IllegalStateException("bug");
        }));
        e = assertThrows(IOException.class, () -> cache.get("nanodet.onnx", file -> { }));
        assertEquals("building nanodet.onnx gave an empty file; nothing was cached", e.getMessage());
        assertEquals(Set.of("nanodet.onnx.lock"), NpmPackageTest.names(cache.dir()));
        assertEquals(null, cache.lookup("nanodet.onnx"));
    }

    @Test
    void buildersAtTheSameTimeBuildOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> new ModelCache(tmp).get("nanodet.onnx", file -> {
                    builds.incrementAndGet();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Files.write(file, MODEL);
                })));
            }
            for (Future<Path> result : results) {
                assertArrayEquals(MODEL, Files.readAllBytes(result.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
    }

    @Test
    void namesThatLeaveTheCacheOrMimicItsOwnFilesAreRefused() {
        ModelCache cache = new ModelCache(tmp);
        for (String bad : new String[] {"../x.onnx", "a/b.onnx", ".hidden", "x.onnx.sha256", "x.onnx.lock", ""}) {
            assertThrows(IllegalArgumentException.class, () -> cache.get(bad, counting()), bad);
        }
    }
}
