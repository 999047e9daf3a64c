package io.crossview.common.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;

/**
 * The real pedestrian video {@code vtest.avi} (768x576, 10 fps, 795 frames), taken from
 * Debian's {@code opencv-doc} package and cached, so the demo and tests need no download
 * beyond the package registry.
 */
public final class SampleVideo {
    public static final String PACKAGE = "opencv-doc";
    static final String PATH_IN_PACKAGE = "usr/share/doc/opencv-doc/examples/data/vtest.avi";

    private SampleVideo() {
    }

    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("crossview");
    }

    /** The cached video, fetched first if it is not there yet. */
    public static Path vtest() throws IOException {
        return vtest(defaultCacheDir());
    }

    public static synchronized Path vtest(Path cacheDir) throws IOException {
        Path cached = cacheDir.resolve("vtest.avi");
        if (Files.isRegularFile(cached) && Files.size(cached) > 0) {
            return cached;
        }
        Files.createDirectories(cacheDir);
        Path work = Files.createTempDirectory(cacheDir, "fetch-");
        try {
            if (run(work, "apt-get", "download", PACKAGE) != 0) {
                // A fresh machine may have no package lists yet.
                run(work, "apt-get", "update", "-qq");
                if (run(work, "apt-get", "download", PACKAGE) != 0) {
                    throw new IOException("could not download Debian package " + PACKAGE
                            + " (apt-get download failed); pass --video PATH to use another video");
                }
            }
            Path deb;
            try (Stream<Path> files = Files.list(work)) {
                deb = files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new IOException("apt-get download left no .deb in " + work));
            }
            Path unpacked = work.resolve("x");
            if (run(work, "dpkg-deb", "-x", deb.toString(), unpacked.toString()) != 0) {
                throw new IOException("could not unpack " + deb);
            }
            Path video = unpacked.resolve(PATH_IN_PACKAGE);
            if (!Files.isRegularFile(video)) {
                throw new IOException(PACKAGE + " does not contain " + PATH_IN_PACKAGE);
            }
            Path partial = cacheDir.resolve("vtest.avi.part");
            Files.copy(video, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cached;
        } finally {
            Utils.delete(work.toFile());
        }
    }

    private static int run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " took more than 10 minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
    }
}
