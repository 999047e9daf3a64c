package io.crossview.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.testing.PatternSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of url schemes: what a registered factory is given, and how its failures read. */
class SourcesTest {
    @Test
    void aRegisteredSchemeIsOpenedByItsFactoryWithTheCamerasUrlAndFps() throws Exception {
        List<String> calls = new ArrayList<>();
        Sources.register("probe", (url, fps) -> {
            calls.add(url + " @ " + fps);
            return PatternSource.open(PatternSource.url("p", 4, 10, 32, 24), fps);
        });
        try (FrameSource source = Sources.open(CameraConfig.of("c1", "probe://x?a=1", 5))) {
            assertEquals(List.of("probe://x?a=1 @ 5.0"), calls);
            assertEquals(2, source.sampleStep());
            assertEquals(32, source.next().orElseThrow().bgr().cols());
        } finally {
            Sources.unregister("probe");
        }
        assertFalse(Sources.registered().contains("probe"));
    }

    @Test
    void aUrlTheFactoryRejectsIsAPermanentFailureNamingTheCamera() {
        Sources.register("probe", (url, fps) -> {
            throw new IllegalArgumentException("no camera x in this world");
        });
        try {
            SourceException e = assertThrows(SourceException.class,
                    () -> Sources.open(CameraConfig.of("c1", "probe://x", 10)));
            assertEquals("camera c1: no camera x in this world", e.getMessage());
            assertTrue(e.permanent());
        } finally {
            Sources.unregister("probe");
        }
    }

    @Test
    void configsAcceptARegisteredSchemeOnlyWhileItIsRegistered() {
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> CameraConfig.of("c1", "probe://x", 10));
        assertTrue(before.getMessage().startsWith("camera c1: unsupported url scheme 'probe' (cameras take files, "),
                before.getMessage());
        Sources.register("probe", (url, fps) -> null);
        try {
            assertEquals(SourceUrl.Kind.REGISTERED, CameraConfig.of("c1", "probe://x", 10).source().kind());
        } finally {
            Sources.unregister("probe");
        }
    }

    @Test
    void ingestsOwnSchemesCannotBeTakenOver() {
        for (String scheme : new String[] {"rtsp", "HTTP", "file", "v4l2"}) {
            assertThrows(IllegalArgumentException.class, () -> Sources.register(scheme, (url, fps) -> null), scheme);
        }
        assertThrows(IllegalArgumentException.class, () -> Sources.register("not a scheme", (url, fps) -> null));
        assertThrows(NullPointerException.class, () -> Sources.register("probe", null));
    }
}
