package io.crossview.common.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns the files fetched for a {@link PretrainedModel} (a TF.js graph model: {@code model.json}
 * and its {@code .bin} weights) into the bytes of the model we run, an ONNX file. Implemented by
 * the TF.js importer; this package needs nothing else of it.
 */
@FunctionalInterface
public interface Converter {
    /**
     * @param dirWithFiles a directory holding the model's files by file name, already checked
     *     against the catalogue's sha256
     * @param provenance where the files came from, to record in the converted model's metadata:
     *     the keys of {@link PretrainedModel#provenance()}
     * @return the converted model, not empty
     */
    byte[] convert(Path dirWithFiles, Map<String, String> provenance) throws IOException;
}
