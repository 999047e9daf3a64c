package io.crossview.common.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model we do not train ourselves: which npm package and version carry its files, their sha256
 * (pinned, so a republished package cannot slip another model in), the name of the converted file
 * in the {@link ModelCache}, and the licences that come with it.
 *
 * @param name short name, as on the command line ({@code nanodet})
 * @param npmPackage the npm package that ships the files
 * @param version the exact package version
 * @param files the files wanted from the package tarball; the first is the model's entry point (the
 *     TF.js {@code model.json}), the rest what it refers to
 * @param cachedFileName the converted model's name in the cache ({@code nanodet.onnx})
 * @param licence SPDX licence of the model weights
 * @param upstream where the model comes from, for credit and its licence
 * @param packageLicence SPDX licence of the npm package itself
 * @param approxDownloadBytes the tarball's size, to tell the user what the wait is for
 */
public record PretrainedModel(String name, String npmPackage, String version, List<SourceFile> files,
                              String cachedFileName, String licence, String upstream, String packageLicence,
                              long approxDownloadBytes) {
    /** Provenance keys, as handed to the {@link Converter}. */
    public static final String SOURCE_PACKAGE = "source.package";
    public static final String SOURCE_VERSION = "source.version";
    public static final String SOURCE_FILE = "source.file";
    public static final String SOURCE_LICENCE = "source.licence";
    public static final String SOURCE_PACKAGE_LICENCE = "source.package.licence";
    public static final String SOURCE_UPSTREAM = "source.upstream";
    public static final String SOURCE_SHA256 = "source.sha256";

    /** One file inside the package tarball ({@code package/models/nanodet.json}) and its sha256. */
    public record SourceFile(String pathInTarball, String sha256) {
        public SourceFile {
            if (pathInTarball == null || !pathInTarball.startsWith("package/") || pathInTarball.endsWith("/")
                    || pathInTarball.contains("..")) {
                throw new IllegalArgumentException("a path inside an npm tarball starts with package/, got "
                        + pathInTarball);
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 of " + pathInTarball
                        + " must be 64 lower-case hex digits, got " + sha256);
            }
        }

        /** The name the file has once fetched (fetching flattens paths). */
        public String fileName() {
            return Tarball.fileName(pathInTarball);
        }

        /** The path within the package, as npm shows it ({@code models/nanodet.json}). */
        public String pathInPackage() {
            return pathInTarball.substring("package/".length());
        }
    }

    public PretrainedModel {
        for (String[] field : new String[][] {{"name", name}, {"npmPackage", npmPackage}, {"version", version},
                {"cachedFileName", cachedFileName}, {"licence", licence}, {"upstream", upstream},
                {"packageLicence", packageLicence}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("a pretrained model needs a " + field[0]);
            }
        }
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("pretrained model " + name + " names no files");
        }
        if (files.stream().map(SourceFile::fileName).distinct().count() != files.size()) {
            throw new IllegalArgumentException("two files of pretrained model " + name + " share a file name");
        }
        if (cachedFileName.contains("/") || cachedFileName.startsWith(".")) {
            throw new IllegalArgumentException("cachedFileName must be a plain file name, got " + cachedFileName);
        }
    }

    /** The paths to fetch from the tarball, entry point first. */
    public List<String> wantedPaths() {
        return files.stream().map(SourceFile::pathInTarball).toList();
    }

    /** The entry point: the first file. */
    public SourceFile entry() {
        return files.get(0);
    }

    /** What the converter is told about the source, to keep in the converted model. */
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(SOURCE_PACKAGE, npmPackage);
        p.put(SOURCE_VERSION, version);
        p.put(SOURCE_FILE, entry().pathInPackage());
        p.put(SOURCE_LICENCE, licence);
        p.put(SOURCE_PACKAGE_LICENCE, packageLicence);
        p.put(SOURCE_UPSTREAM, upstream);
        p.put(SOURCE_SHA256, entry().sha256());
        return Collections.unmodifiableMap(p);
    }

    @Override
    public String toString() {
        return name + " (" + npmPackage + "@" + version + ")";
    }
}
