package io.crossview.common.models;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A downloaded npm package tarball ({@code .tgz}): its integrity check and the streaming
 * extraction of a few named entries, so a 144 MB package never sits in memory and only the files
 * asked for reach the disk.
 */
final class Tarball {
    private Tarball() {
    }

    /**
     * Checks the file against an npm integrity string: a Subresource Integrity value such as
     * {@code sha512-BASE64} (the strongest of several wins), or else a bare sha1 hex shasum.
     */
    static void verify(Path tgz, String integrity, String shasum, String what) throws IOException {
        String expected;
        String algorithm;
        if (integrity != null && !integrity.isBlank()) {
            expected = strongest(integrity);
            if (expected == null) {
                throw new IOException("integrity of " + what + " uses no hash this runtime knows: " + integrity);
            }
            algorithm = expected.substring(0, expected.indexOf('-'));
            String got = algorithm + "-" + Base64.getEncoder().encodeToString(digest(tgz, algorithm));
            if (!got.equals(expected)) {
                throw new IOException("integrity check failed for " + what + ": expected " + expected + ", got " + got);
            }
        } else if (shasum != null && shasum.matches("[0-9a-fA-F]{40}")) {
            String got = HexFormat.of().formatHex(digest(tgz, "sha1"));
            if (!got.equalsIgnoreCase(shasum)) {
                throw new IOException("integrity check failed for " + what + ": expected sha1 " + shasum.toLowerCase()
                        + ", got sha1 " + got);
            }
        } else {
            throw new IOException("the registry gives no integrity or shasum for " + what
                    + "; refusing an unchecked tarball");
        }
    }

    private static String strongest(String sri) {
        for (String algorithm : List.of("sha512", "sha384", "sha256")) {
            for (String part : sri.trim().split("\\s+")) {
                if (part.startsWith(algorithm + "-")) {
                    int options = part.indexOf('?');
                    return options < 0 ? part : part.substring(0, options);
                }
            }
        }
        return null;
    }

    /** The lower-case hex sha256 of a file, read in a stream. */
    static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(digest(file, "sha256"));
    }

    static byte[] digest(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm.replaceFirst("^sha", "SHA-"));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this Java runtime has no " + algorithm);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /**
     * Writes each wanted entry of the tarball to {@code intoDir} under its file name (the last
     * part of its path) and returns them in the order asked; reads the archive once. Names are
     * taken from {@code wanted}, never from the archive, so no entry can write outside intoDir.
     */
    static List<Path> extract(Path tgz, List<String> wanted, Path intoDir, String what) throws IOException {
        Map<String, Path> targets = new LinkedHashMap<>();
        for (String path : wanted) {
            targets.put(path, intoDir.resolve(fileName(path)));
        }
        Map<String, Path> found = new LinkedHashMap<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tgz), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                Path target = targets.get(name);
                if (target != null && entry.isFile() && !found.containsKey(name)) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    found.put(name, target);
                }
            }
        } catch (IOException e) {
            throw new IOException("could not unpack " + what + ": " + e.getMessage());
        }
        List<String> missing = new ArrayList<>(targets.keySet());
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            throw new IOException(what + " has no " + String.join(", ", missing));
        }
        return List.copyOf(targets.values());
    }

    static String fileName(String pathInTarball) {
        String name = pathInTarball.substring(pathInTarball.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("not a file path inside a tarball: " + pathInTarball);
        }
        return name;
    }
}
