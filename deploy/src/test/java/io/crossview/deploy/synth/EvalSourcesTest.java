package io.crossview.deploy.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceException;
import io.crossview.ingest.source.SourceUrl;
import io.crossview.ingest.source.Sources;
import io.crossview.common.wire.Box;
import io.crossview.eval.mot.MotFile;
import io.crossview.eval.mot.MotRow;
import io.crossview.eval.synth.SynthWriter;
import io.crossview.eval.synth.WorldSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** synth:// as ingest sees it once deploy registered it: a camera url, opened as a camera of the world. */
class EvalSourcesTest {
    @BeforeAll
    static void registerSynthCameras() {
        EvalSources.register();
    }

    @Test
    void aSynthUrlIsACameraThatPlaysTheWorldsCamera() throws Exception {
        CameraConfig camera = CameraConfig.of("lobby", "synth://cam2?seed=3&seconds=0.3&fps=10&width=160&height=120", 10);
        assertEquals(SourceUrl.Kind.REGISTERED, camera.source().kind());
        try (FrameSource source = Sources.open(camera)) {
            assertEquals(160, source.width());
            assertEquals(3, source.sourceFrames());
            assertTrue(source.describe().startsWith("synth://cam2?seed=3"), source.describe());
            assertEquals(0, source.next().orElseThrow().frameNumber());
        }
    }

    @Test
    void aBadSynthUrlFailsTheCameraForGoodInOneLine() {
        SourceException e = assertThrows(SourceException.class,
                () -> Sources.open(CameraConfig.of("lobby", "synth://cam9?cameras=2", 10)));
        assertEquals("camera lobby: synth camera cam9 does not exist in a world of 2 cameras", e.getMessage());
        assertTrue(e.permanent());
    }

    @Test
    void aMotSequenceFolderIsACameraThatPlaysItsVideoWithItsGroundTruthAttached(@TempDir Path dir) throws Exception {
        SynthWriter.write(new WorldSpec(2, 1, 6, 3, 10, 160, 120), dir, null);
        List<MotRow> truth = MotFile.readGroundTruth(dir.resolve("cam1/gt/gt.txt"));
        assertTrue(!truth.isEmpty(), "the world's camera sees someone");
        int frame = truth.get(0).frame();
        try (FrameSource source = Sources.open(CameraConfig.of("cam1", "mot://" + dir.resolve("cam1"), 10))) {
            assertEquals(160, source.width());
            assertEquals(0, source.next().orElseThrow().frameNumber());
            // MOTChallenge counts frames from 1, sources from 0
            List<Box> attached = source.groundTruth(frame - 1);
            assertEquals(truth.stream().filter(r -> r.frame() == frame).count(), attached.size());
            assertEquals(truth.get(0).w(), attached.stream().filter(b -> b.getX() == (float) truth.get(0).x())
                    .findFirst().orElseThrow().getW(), 1e-3);
        }
    }

    @Test
    void aFolderThatIsNoMotSequenceFailsTheCameraInOneLine(@TempDir Path dir) {
        SourceException e = assertThrows(SourceException.class,
                () -> Sources.open(CameraConfig.of("lobby", "mot://" + dir, 10)));
        assertTrue(e.getMessage().contains("a MOTChallenge sequence needs"), e.getMessage());
        assertTrue(e.permanent());
    }

    @Test
    void anUnknownSchemeNamesSynthAmongTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CameraConfig.of("lobby", "gopher://x", 10));
        assertTrue(e.getMessage().endsWith("v4l2:/dev/videoN, mot:// and synth://)"), e.getMessage());
    }
}
