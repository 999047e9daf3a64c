package io.crossview.deploy.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.matcher.query.Embedded;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class ModelCropEmbedderTest {
    private static byte[] crop(double blue, double green, double red) {
        try (Mat picture = new Mat(128, 64, opencv_core.CV_8UC3, new Scalar(blue, green, red, 0))) {
            return Jpeg.encode(picture, 90);
        }
    }

    @Test
    void aCropBecomesAUnitVectorOfTheBuiltInModelTaggedWithItsVersion() throws Exception {
        try (ModelCropEmbedder embedder = ModelCropEmbedder.open(null)) {
            Embedded red = embedder.embed(crop(20, 20, 220));

            assertEquals(AppearanceModel.GLOBAL_DIM, red.vector().length);
            assertEquals(embedder.modelVersion(), red.modelVersion());
            assertTrue(red.modelVersion().startsWith(AppearanceModel.NAME + "@"), red.modelVersion());
            double norm = 0;
            for (float x : red.vector()) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-4);
            assertArrayEquals(red.vector(), embedder.embed(crop(20, 20, 220)).vector(), "the same crop, the same vector");
        }
    }

    @Test
    void bytesThatAreNoPictureAreRefusedAsSuch() throws Exception {
        try (ModelCropEmbedder embedder = ModelCropEmbedder.open(null)) {
            assertThrows(BadImageException.class, () -> embedder.embed(new byte[] {1, 2, 3}));
            assertThrows(BadImageException.class, () -> embedder.embed(new byte[0]));
        }
    }
}
