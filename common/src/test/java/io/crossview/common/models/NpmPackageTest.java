package io.crossview.common.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crossview.common.models.LocalRegistry.Integrity;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmPackageTest {
    static final String NAME = "@test/models";
    static final List<String> WANTED = List.of("package/models/tiny.json", "package/models/tiny.bin");

    @TempDir
    Path tmp;
    LocalRegistry registry;
    final List<String> messages = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new LocalRegistry();
        env.put("NPM_CONFIG_REGISTRY", registry.url());
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    static Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\":\"@test/models\"}".getBytes());
        entries.put("package/models/tiny.bin", new byte[] {1, 2, 3, 4});
        entries.put("package/models/other.json", "{}".getBytes());
        entries.put("package/models/tiny.json", "{\"format\":\"graph-model\"}".getBytes());
        return entries;
    }

    /** A fetcher with no npm client, so it has to ask the local registry over HTTP. */
    NpmPackage withoutNpm() {
        return new NpmPackage("no-such-npm-for-tests", new NpmConfig(env::get, tmp.resolve("project"),
                tmp.resolve("home")), Duration.ofSeconds(30), messages::add);
    }

    static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void onlyTheWantedFilesAreKeptFlattenedToTheirNames() throws IOException {
        registry.publish(NAME, "1.0.0", entries(), Integrity.SHA512);
        Path into = tmp.resolve("into");
        List<Path> files = withoutNpm().fetch(NAME, "1.0.0", WANTED, into);
        assertEquals(List.of(into.resolve("tiny.json"), into.resolve("tiny.bin")), files, "in the order asked");
        assertEquals(Set.of("tiny.json", "tiny.bin"), names(into), "no tarball, no other file, no work dir");
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(into.resolve("tiny.bin")));
        assertEquals("{\"format\":\"graph-model\"}", Files.readString(into.resolve("tiny.json")));
        assertTrue(messages.get(0).startsWith("fetching @test/models@1.0.0 from the npm registry"), messages.toString());
        assertTrue(messages.get(1).contains("not on the PATH"), messages.toString());
        assertTrue(messages.get(2).startsWith("fetched @test/models@1.0.0 over HTTP from " + registry.url()),
                messages.toString());
    }

    @Test
    void aTarballThatFailsItsIntegrityIsRefusedAndLeavesNothing() throws IOException {
        registry.publish(NAME, "1.0.0", entries(), Integrity.WRONG_SHA512);
        Path into = tmp.resolve("into");
        IOException e = assertThrows(IOException.class, () -> withoutNpm().fetch(NAME, "1.0.0", WANTED, into));
        assertTrue(e.getMessage().matches(
                "integrity check failed for @test/models@1\\.0\\.0 tarball: expected sha512-\\S+, got sha512-\\S+"),
                e.getMessage());
        assertEquals(Set.of(), names(into));
    }

    @Test
    void anOlderRegistryWithOnlyASha1ShasumStillGetsChecked() throws IOException {
        registry.publish(NAME, "1.0.0", entries(), Integrity.SHA1_ONLY);
        assertEquals(2, withoutNpm().fetch(NAME, "1.0.0", WANTED, tmp.resolve("into")).size());
        registry.publish(NAME, "2.0.0", entries(), Integrity.NONE);
        IOException e = assertThrows(IOException.class,
                () -> withoutNpm().fetch(NAME, "2.0.0", WANTED, tmp.resolve("into2")));
        assertEquals("the registry gives no integrity or shasum for @test/models@2.0.0 tarball; "
                + "refusing an unchecked tarball", e.getMessage());
    }

    @Test
    void aWantedPathMissingFromTheTarballIsNamedInOneLine() throws IOException {
        registry.publish(NAME, "1.0.0", entries(), Integrity.SHA512);
        Path into = tmp.resolve("into");
        IOException e = assertThrows(IOException.class, () -> withoutNpm().fetch(NAME, "1.0.0",
                List.of("package/models/tiny.json", "package/models/absent.bin"), into));
        assertEquals("@test/models@1.0.0 has no package/models/absent.bin", e.getMessage());
        assertEquals(Set.of(), names(into), "not even the file that was found");
    }

    @Test
    void anUnknownVersionIsOneLine() {
        IOException e = assertThrows(IOException.class,
                () -> withoutNpm().fetch(NAME, "9.9.9", WANTED, tmp.resolve("into")));
        assertEquals("npm registry " + registry.url() + " answered HTTP 404 for @test/models@9.9.9", e.getMessage());
    }

    @Test
    void theAuthTokenOfTheNpmrcGoesToTheRegistryAndIsNeverPrinted() throws IOException {
        registry.publish(NAME, "1.0.0", entries(), Integrity.SHA512);
        env.remove("NPM_CONFIG_REGISTRY");
        Files.createDirectories(tmp.resolve("home"));
        String nerfDart = registry.url().substring("http:".length());
        Files.writeString(tmp.resolve("home/.npmrc"), "@test:registry=" + registry.url() + "\n"
                + nerfDart + ":_authToken=${TEST_NPM_TOKEN}\n");
        env.put("TEST_NPM_TOKEN", "s3cret");
        withoutNpm().fetch(NAME, "1.0.0", WANTED, tmp.resolve("into"));
        assertEquals(List.of("Bearer s3cret", "Bearer s3cret"), registry.authorizations, "metadata and tarball");
        assertFalse(String.join("\n", messages).contains("s3cret"));
    }

    @Test
    void twoWantedFilesOfTheSameNameAreRefusedBeforeAnyFetch() {
        assertThrows(IllegalArgumentException.class, () -> withoutNpm().fetch(NAME, "1.0.0",
                List.of("package/a/x.bin", "package/b/x.bin"), tmp.resolve("into")));
        assertEquals(0, registry.tarballRequests.get());
    }

    @Test
    void theRealNpmClientFetchesASmallPackage() throws IOException {
        NpmConfig system = NpmConfig.system();
        boolean npm = Stream.of(String.valueOf(system.env("PATH")).split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "npm")));
        assumeTrue(npm, "npm is not on the PATH");
        assumeTrue(reachable(system.registryFor("is-number").url().toString()), "the npm registry is unreachable");
        Path into = tmp.resolve("into");
        List<Path> files = new NpmPackage(messages::add).fetch("is-number", "7.0.0", List.of("package/index.js"), into);
        assertEquals(List.of(into.resolve("index.js")), files);
        assertTrue(Files.readString(files.get(0)).contains("module.exports"));
        assertEquals(Set.of("index.js"), names(into));
        assertTrue(messages.get(messages.size() - 1).contains("is-number@7.0.0 with npm"), messages.toString());
    }

    @Test
    void theRealRegistryServesASmallPackageOverHttp() throws IOException {
        NpmConfig system = NpmConfig.system();
        assumeTrue(reachable(system.registryFor("is-number").url().toString()), "the npm registry is unreachable");
        Path into = tmp.resolve("into");
        List<Path> files = new NpmPackage("no-such-npm-for-tests", system, Duration.ofMinutes(1), messages::add)
                .fetch("is-number", "7.0.0", List.of("package/index.js"), into);
        assertTrue(Files.readString(files.get(0)).contains("module.exports"));
        assertTrue(messages.get(messages.size() - 1).contains("is-number@7.0.0 over HTTP"), messages.toString());
    }

    private static boolean reachable(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url + "is-number/7.0.0").openConnection();
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
