package io.crossview.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamerasFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("cameras.yaml"), yaml);
    }

    @Test
    void theMinimalFileGetsEveryDefault() throws Exception {
        List<CameraConfig> cameras = CamerasFile.load(write("""
                cameras:
                  - id: lobby
                    url: rtsp://host/stream
                    fps: 10
                """));
        assertEquals(List.of(new CameraConfig("lobby", "default", "rtsp://host/stream", 10.0, 0, 0, 90, true, false, Map.of())), cameras);
    }

    @Test
    void disabledCamerasAreLeftOut() throws Exception {
        List<CameraConfig> cameras = CamerasFile.load(write("""
                cameras:
                  - {id: a, url: a.mp4, site: hall, jpeg_quality: 80}
                  - {id: b, url: b.mp4, enabled: false}
                """));
        assertEquals(1, cameras.size());
        assertEquals("hall", cameras.get(0).site());
        assertEquals(80, cameras.get(0).jpegQuality());
    }

    @Test
    void mistakesAreReportedInOneLineNamingTheFileAndCamera() throws Exception {
        IOException noUrl = assertThrows(IOException.class, () -> CamerasFile.load(write("cameras:\n  - id: door\n")));
        assertTrue(noUrl.getMessage().endsWith("camera door has no url"), noUrl.getMessage());
        IOException typo = assertThrows(IOException.class, () -> CamerasFile.load(write("cameras:\n  - {id: a, url: x, fsp: 5}\n")));
        assertTrue(typo.getMessage().contains("fsp"), typo.getMessage());
        IOException twice = assertThrows(IOException.class, () -> CamerasFile.load(write("cameras:\n  - {id: a, url: x}\n  - {id: a, url: y}\n")));
        assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
        IOException empty = assertThrows(IOException.class, () -> CamerasFile.load(write("cameras: []\n")));
        assertTrue(empty.getMessage().contains("lists no cameras"), empty.getMessage());
        assertThrows(IOException.class, () -> CamerasFile.load(dir.resolve("missing.yaml")));
        IOException badFps = assertThrows(IOException.class, () -> CamerasFile.load(write("cameras:\n  - {id: a, url: x, fps: 0}\n")));
        assertTrue(badFps.getMessage().contains("fps must be"), badFps.getMessage());
        assertTrue(noUrl.getMessage().lines().count() == 1);
    }
}
