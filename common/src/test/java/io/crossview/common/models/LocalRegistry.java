package io.crossview.common.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** An npm registry on 127.0.0.1 serving packages that the test builds, for fetching with no internet. */
final class LocalRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the metadata says about the tarball's hash. */
    enum Integrity { SHA512, WRONG_SHA512, SHA1_ONLY, NONE }

    private final HttpServer server;
    private final Map<String, byte[]> routes = new ConcurrentHashMap<>();
    final AtomicInteger tarballRequests = new AtomicInteger();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    LocalRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The registry's base URL, ending in a slash. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Serves {@code name@version} as a tarball of the given entries (paths like {@code package/x}). */
    void publish(String name, String version, Map<String, byte[]> entries, Integrity integrity) {
        byte[] tgz = tarball(entries);
        String tarballPath = "tarballs/" + name.replace("/", "-") + "-" + version + ".tgz";
        routes.put("/" + tarballPath, tgz);
        ObjectNode packument = JSON.createObjectNode().put("name", name).put("version", version);
        ObjectNode dist = packument.putObject("dist").put("tarball", url() + tarballPath);
        switch (integrity) {
            case SHA512 -> dist.put("integrity", "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tgz)))
                    .put("shasum", HexFormat.of().formatHex(digest("SHA-1", tgz)));
            case WRONG_SHA512 -> dist.put("integrity", "sha512-" + Base64.getEncoder().encodeToString(
                    digest("SHA-512", "another tarball".getBytes())));
            case SHA1_ONLY -> dist.put("shasum", HexFormat.of().formatHex(digest("SHA-1", tgz)));
            case NONE -> { }
        }
        routes.put("/" + NpmRegistryClient.escape(name) + "/" + version, packument.toString().getBytes());
    }

    static byte[] tarball(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        if (path.startsWith("/tarballs/")) {
            tarballRequests.incrementAndGet();
        }
        byte[] body = routes.get(path);
        if (body == null) {
            body = "{\"error\":\"Not found\"}".getBytes();
            exchange.sendResponseHeaders(404, body.length);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
