package io.crossview.deploy.run;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.crossview.common.image.Jpeg;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.IdentityEvent;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameAnnotatorTest {
    @TempDir
    Path dir;

    private static byte[] noisyPicture() {
        // a fine checkerboard: the kind of detail a face or a printed shirt has
        try (Mat picture = new Mat(240, 320, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
            org.bytedeco.javacpp.indexer.UByteIndexer pixels = picture.createIndexer();
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 320; x++) {
                    int v = ((x / 3 + y / 3) % 2) * 255;
                    for (int c = 0; c < 3; c++) {
                        pixels.put(y, x, c, v);
                    }
                }
            }
            pixels.close();
            return Jpeg.encode(picture, 95);
        }
    }

    private static double detailInside(Path png) {
        try (Mat picture = imread(png.toString()); Mat region = new Mat(picture, new Rect(110, 70, 28, 100));
             Mat mean = new Mat(); Mat std = new Mat()) {
            opencv_core.meanStdDev(region, mean, std);
            return ((DoubleIndexer) std.createIndexer()).get(0);
        }
    }

    @Test
    void withBlurPeopleTheDetailUnderEachIdentityBoxIsGoneAndTheBoxIsStillDrawn() throws Exception {
        byte[] jpeg = noisyPicture();
        IdentityEvent person = IdentityEvent.newBuilder().setIdentityId(7).setTrackId(3)
                .setBox(Box.newBuilder().setX(100).setY(60).setW(48).setH(120)).build();
        Path plain = dir.resolve("plain.png");
        Path blurred = dir.resolve("blurred.png");
        FrameAnnotator.write(jpeg, List.of(person), plain, false);
        FrameAnnotator.write(jpeg, List.of(person), blurred, true);
        double before = detailInside(plain);
        double after = detailInside(blurred);
        assertTrue(before > 40 && after < before / 5, "detail under the box: " + before + " plain, " + after + " blurred");
    }
}
