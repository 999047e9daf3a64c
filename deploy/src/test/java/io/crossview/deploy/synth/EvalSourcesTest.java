package io.crossview.deploy.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceException;
import io.crossview.ingest.source.SourceUrl;
import io.crossview.ingest.source.Sources;
import org.junit.jupiter.api.BeforeAll;
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
    void anUnknownSchemeNamesSynthAmongTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CameraConfig.of("lobby", "gopher://x", 10));
        assertTrue(e.getMessage().endsWith("v4l2:/dev/videoN and synth://)"), e.getMessage());
    }
}
