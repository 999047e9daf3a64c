package io.crossview.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraShardTest {
    private static List<CameraConfig> cameras(int n) {
        List<CameraConfig> cameras = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            cameras.add(CameraConfig.of("cam" + i, "rtsp://10.0.0." + i + "/stream", 10));
        }
        return cameras;
    }

    private static List<String> ids(List<CameraConfig> cameras) {
        return cameras.stream().map(CameraConfig::id).toList();
    }

    @Test
    void theShardsOfAFileTakeEveryCameraExactlyOnceAndEvenly() {
        List<CameraConfig> all = cameras(7);
        assertEquals(List.of("cam1", "cam4", "cam7"), ids(CameraShard.parse("1/3").of(all)));
        assertEquals(List.of("cam2", "cam5"), ids(CameraShard.parse("2/3").of(all)));
        assertEquals(List.of("cam3", "cam6"), ids(CameraShard.parse(" 3 / 3 ").of(all)));
        assertEquals(ids(all), ids(CameraShard.ALL.of(all)));
    }

    @Test
    void aShardOutsideItsCountOrMalformedIsRefusedInOneLine() {
        var outside = assertThrows(IllegalArgumentException.class, () -> CameraShard.parse("4/3"));
        assertTrue(outside.getMessage().contains("1 <= I <= N, got 4/3"), outside.getMessage());
        var malformed = assertThrows(IllegalArgumentException.class, () -> CameraShard.parse("half"));
        assertTrue(malformed.getMessage().contains("I/N"), malformed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CameraShard.parse("0/2"));
    }
}
