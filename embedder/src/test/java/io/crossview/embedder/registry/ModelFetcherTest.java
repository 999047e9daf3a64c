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
import java.util.List;
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
        server.createContext("/models/moved.onnx", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        ModelFetcher fetcher = new ModelFetcher(new ModelSources(List.of(base + "/models")));
        try {
            assertArrayEquals(BYTES, fetcher.fetch(base + "/models/m.onnx", SHA));
            IOException notFound = assertThrows(IOException.class, () -> fetcher.fetch(base + "/models/other.onnx", SHA));
            assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
            IOException moved = assertThrows(IOException.class, () -> fetcher.fetch(base + "/models/moved.onnx", SHA));
            assertTrue(moved.getMessage().contains("HTTP 302"), "a redirect is not followed out: " + moved.getMessage());
            IOException outside = assertThrows(IOException.class, () -> fetcher.fetch(base + "/secrets/m.onnx", SHA));
            assertTrue(outside.getMessage().contains("outside the allowed model sources"), outside.getMessage());
            IOException byDefault = assertThrows(IOException.class, () -> new ModelFetcher().fetch(base + "/models/m.onnx", SHA));
            assertTrue(byDefault.getMessage().contains("outside the allowed model sources [file:///]"), byDefault.getMessage());
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ModelFetcher anywhere = new ModelFetcher(new ModelSources(List.of("http://127.0.0.1:" + closed)));
        IOException unreachable = assertThrows(IOException.class,
                () -> anywhere.fetch("http://127.0.0.1:" + closed + "/m.onnx", SHA));
        assertTrue(unreachable.getMessage().startsWith("cannot fetch http://127.0.0.1:" + closed), unreachable.getMessage());
    }

    @Test
    void filesOutsideTheListedFoldersAreRefusedEvenThroughDotDot() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path inside = Files.write(models.resolve("m.onnx"), BYTES);
        Path outside = Files.write(dir.resolve("m.onnx"), BYTES);
        ModelFetcher fetcher = new ModelFetcher(new ModelSources(List.of(models.toString())));
        assertArrayEquals(BYTES, fetcher.fetch(inside.toString(), SHA));
        assertThrows(IOException.class, () -> fetcher.fetch(outside.toString(), SHA));
        assertThrows(IOException.class, () -> fetcher.fetch(models + "/../m.onnx", SHA));
        assertThrows(IOException.class, () -> fetcher.fetch(models + "-evil/m.onnx", SHA), "a folder, not a name prefix");
        IOException scheme = assertThrows(IOException.class, () -> fetcher.fetch("ftp://host/m.onnx", SHA));
        assertTrue(scheme.getMessage().contains("only files and http(s) are fetched"), scheme.getMessage());
    }
}
