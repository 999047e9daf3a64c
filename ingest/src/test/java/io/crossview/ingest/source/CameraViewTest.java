package io.crossview.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CameraViewTest {
    @Test
    void halvesCoverThePictureSideBySide() {
        CameraView[] halves = CameraView.halves("left", "right", "hall");
        assertArrayEquals(new int[] {0, 0, 384, 576}, halves[0].pixels(768, 576));
        assertArrayEquals(new int[] {384, 0, 384, 576}, halves[1].pixels(768, 576));
    }

    @Test
    void badIdsAndRegionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CameraView.whole("front door", "hall"));
        assertThrows(IllegalArgumentException.class, () -> CameraView.whole("door", " "));
        assertThrows(IllegalArgumentException.class, () -> new CameraView("c", "s", 0.5, 0, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new CameraView("c", "s", 0, 0, 1.2, 1));
    }

    @Test
    void aFrameRangeCountsSourceFrames() {
        FrameRange range = new FrameRange(100, 40);
        assertFalse(range.contains(99));
        assertTrue(range.contains(100));
        assertTrue(range.contains(139));
        assertFalse(range.contains(140));
        assertTrue(range.isAfter(140));
        assertTrue(FrameRange.all().contains(1_000_000));
    }
}
