package io.crossview.embedder.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.crossview.common.model.ModelVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching over a real loopback HTTP server (the JDK's) and from files. */
class ModelFetcherTest {
    private static final byte[] BYTES = "pretend onnx bytes".getBytes(StandardCharsets.UTF_8);
    private static final String SHA = ModelVersion.sha256(BYTES);

    @TempDir
    Path dir;

    private final ModelFetcher fetcher = new ModelFetcher();

    @Test
    void aFileIsFetchedByPathOrFileUriWhenItsHashMatches() throws IOException {
        Path file = Files.write(dir.resolve("m.onnx"), BYTES);
        assertArrayEquals(BYTES, fetcher.fetch(file.toString(), SHA));
        assertArrayEquals(BYTES, fetcher.fetch(file.toUri().toString(), SHA));
    }

    @Test
    void aHashMismatchOrMissingFileIsOneClearError() throws IOException {
        Path file = Files.write(dir.resolve("m.onnx"), BYTES);
        IOException mismatch = assertThrows(IOException.class, () -> fetcher.fetch(file.toString(), "0".repeat(64)));
        assertTrue(mismatch.getMessage().startsWith("sha256 mismatch for "), mismatch.getMessage());
        IOException missing = assertThrows(IOException.class, () -> fetcher.fetch(dir.resolve("no.onnx").toString(), SHA));
        assertTrue(missing.getMessage().startsWith("model file not found"), missing.getMessage());
    }

    @Test
    void httpServesTheModelAndItsErrorsAreReported() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/models/m.onnx", exchange -> {
            exchange.sendResponseHeaders(200, BYTES.length);
            exchange.getResponseBody().write(BYTES);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertArrayEquals(BYTES, fetcher.fetch(base + "/models/m.onnx", SHA));
            IOException notFound = assertThrows(IOException.class, () -> fetcher.fetch(base + "/models/other.onnx", SHA));
            assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        IOException unreachable = assertThrows(IOException.class,
                () -> fetcher.fetch("http://127.0.0.1:" + closed + "/m.onnx", SHA));
        assertTrue(unreachable.getMessage().startsWith("cannot fetch http://127.0.0.1:" + closed), unreachable.getMessage());
    }
}
