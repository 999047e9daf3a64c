package io.crossview.common.models;

import io.crossview.common.sample.SampleVideo;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Model files built once and kept under {@code <cacheDir>/models/}, next to the sample video.
 * Each model {@code X.onnx} has a sidecar {@code X.onnx.sha256} in sha256sum's format
 * ({@code hex  X.onnx}), so {@code sha256sum -c} works on it too.
 *
 * <p>A miss runs the {@link Producer} into a temporary file in the same directory, hashes it,
 * writes the sidecar and then moves the model into place atomically: nothing half-written is ever
 * found under the model's name, and the temporary files go in every case. The sidecar is moved
 * before the model, so a model is never there without its sidecar (short of someone deleting it).
 * Builders of the same file hold a lock, a {@link FileLock} on {@code X.onnx.lock} across processes
 * and a plain lock within this one, and look again once they have it, so two processes starting
 * together fetch the model once; the lock files stay (removing them would race).
 *
 * <p>A hit is hashed again (about 0.3 s for 100 MB) and compared with its sidecar. A mismatch is
 * refused with one line rather than rebuilt: quietly fetching again would hide a damaged disk or a
 * tampered model, and the user decides by deleting the file.
 */
public final class ModelCache {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    /** Writes the model over the given empty temporary file; throwing leaves the cache as it was. */
    @FunctionalInterface
    public interface Producer {
        void writeTo(Path file) throws IOException;

        /** A producer of the model's bytes. */
        static Producer ofBytes(Bytes bytes) {
            return file -> {
                byte[] model = bytes.get();
                if (model == null) {
                    throw new IOException("the model producer gave no bytes");
                }
                Files.write(file, model);
            };
        }
    }

    /** The model's bytes, made on a miss. */
    @FunctionalInterface
    public interface Bytes {
        byte[] get() throws IOException;
    }

    /** The cache under {@code cacheDir/models}. */
    public ModelCache(Path cacheDir) {
        this.dir = Objects.requireNonNull(cacheDir, "cacheDir").resolve("models");
    }

    /** The cache under {@link SampleVideo#defaultCacheDir()}. */
    public static ModelCache atDefault() {
        return new ModelCache(SampleVideo.defaultCacheDir());
    }

    /** {@code <cacheDir>/models}, where the models and their sidecars live. */
    public Path dir() {
        return dir;
    }

    /** The sidecar that holds the sha256 of {@code model}. */
    public static Path sidecar(Path model) {
        return model.resolveSibling(model.getFileName() + ".sha256");
    }

    /** The checked cached file, or null if it is not cached. */
    public Path lookup(String fileName) throws IOException {
        Path model = dir.resolve(checkName(fileName));
        if (!Files.exists(model)) {
            return null;
        }
        verify(model);
        return model;
    }

    /** The cached file, checked against its sha256; made by {@code producer} first on a miss. */
    public Path get(String fileName, Producer producer) throws IOException {
        Path hit = lookup(fileName);
        if (hit != null) {
            return hit;
        }
        Files.createDirectories(dir);
        Path model = dir.resolve(fileName);
        Path lockFile = dir.resolve(fileName + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            hit = lookup(fileName);
            return hit != null ? hit : build(model, producer);
        } finally {
            local.unlock();
        }
    }

    private Path build(Path model, Producer producer) throws IOException {
        String name = model.getFileName().toString();
        // Not Files.createTempFile: its files are private (0600) whatever the umask, and so would the model be.
        String unique = UUID.randomUUID().toString();
        Path temp = dir.resolve("." + name + "." + unique + ".part");
        Path tempSidecar = dir.resolve("." + name + "." + unique + ".sha256.part");
        try {
            Files.createFile(temp);
            producer.writeTo(temp);
            if (Files.size(temp) == 0) {
                throw new IOException("building " + name + " gave an empty file; nothing was cached");
            }
            String sha256 = Tarball.sha256(temp);
            Files.writeString(tempSidecar, sha256 + "  " + name + "\n", StandardCharsets.US_ASCII);
            Files.move(tempSidecar, sidecar(model), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, model, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return model;
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(tempSidecar);
        }
    }

    private static void verify(Path model) throws IOException {
        Path sidecar = sidecar(model);
        if (!Files.isRegularFile(sidecar)) {
            throw new IOException("cached model " + display(model) + " has no " + sidecar.getFileName()
                    + " to check it against: delete it to fetch it again");
        }
        String line = Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
        String expected = line.split("\\s+", 2)[0].toLowerCase();
        if (!expected.matches("[0-9a-f]{64}")) {
            throw new IOException(display(sidecar) + " holds no sha256: delete it and " + model.getFileName()
                    + " to fetch it again");
        }
        String got = Tarball.sha256(model);
        if (!got.equals(expected)) {
            throw new IOException("cached model " + display(model) + " does not match its sha256 (expected "
                    + expected.substring(0, 12) + "..., got " + got.substring(0, 12)
                    + "...): delete it to fetch it again");
        }
    }

    /** A plain file name that cannot climb out of the cache or pass for one of its own files. */
    private static String checkName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.startsWith(".") || fileName.contains("/")
                || fileName.contains("\\") || fileName.endsWith(".sha256") || fileName.endsWith(".lock")
                || fileName.endsWith(".part")) {
            throw new IllegalArgumentException("not a model file name: " + fileName);
        }
        return fileName;
    }

    /** The path with the home directory written as {@code ~}, shorter in messages. */
    static String display(Path path) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(home) && !absolute.equals(home)
                ? "~/" + home.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
