package io.crossview.deploy.query;

import io.crossview.common.image.Jpeg;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.matcher.query.CropEmbedder;
import io.crossview.matcher.query.Embedded;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Embeds the example crops of the matcher's picture search with an embedder's re-ID model.
 * It must be the model the embedders run: the search compares only vectors of one version.
 */
public final class ModelCropEmbedder implements CropEmbedder, AutoCloseable {
    private final ReidModel model;

    private ModelCropEmbedder(ReidModel model) {
        this.model = model;
    }

    /** The ONNX model at {@code modelFile}, or the built-in appearance model when null. */
    public static ModelCropEmbedder open(Path modelFile) throws IOException {
        return new ModelCropEmbedder(modelFile == null ? ReidModel.builtin() : ReidModel.open(modelFile));
    }

    public String modelVersion() {
        return model.version();
    }

    @Override
    public Embedded embed(byte[] jpeg) {
        try (Mat crop = Jpeg.decode(jpeg)) {
            return new Embedded(model.embed(List.of(crop)).get(0).global(), model.version());
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
