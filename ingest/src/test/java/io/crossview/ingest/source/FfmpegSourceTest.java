package io.crossview.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.sample.SampleVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegSourceTest {
    @TempDir
    Path dir;

    @Test
    void sampledAtFiveFpsATenFpsVideoGivesEveryOtherFrameNumberedAsInTheFile() throws Exception {
        try (FfmpegSource source = FfmpegSource.open(SampleVideo.vtest(), 5)) {
            assertEquals(768, source.width());
            assertEquals(576, source.height());
            assertEquals(10, source.sourceFps(), 1e-6);
            assertEquals(2, source.sampleStep());
            List<Long> numbers = new ArrayList<>();
            List<Long> pts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                SourceFrame frame = source.next().orElseThrow();
                numbers.add(frame.frameNumber());
                pts.add(frame.sourcePtsMs());
                assertEquals(768, frame.bgr().cols());
            }
            assertEquals(List.of(0L, 2L, 4L, 6L, 8L), numbers);
            assertEquals(List.of(0L, 200L, 400L, 600L, 800L), pts);
        }
    }

    @Test
    void theWholeFileEndsWithEmpty() throws Exception {
        long frames = 0;
        try (FfmpegSource source = FfmpegSource.open(SampleVideo.vtest(), 1)) {
            while (source.next().isPresent()) {
                frames++;
            }
            assertTrue(source.next().isEmpty());
        }
        assertEquals(80, frames, "795 frames at 10 fps sampled at 1 fps");
    }

    @Test
    void aMissingFileIsNamedInOneLine() {
        IOException e = assertThrows(IOException.class, () -> FfmpegSource.open(dir.resolve("none.mp4"), 5));
        assertEquals("video not found: " + dir.resolve("none.mp4"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedWithoutJavaCvAdvice() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "hello");
        IOException e = assertThrows(IOException.class, () -> FfmpegSource.open(text, 5));
        assertTrue(e.getMessage().startsWith("not a readable video: " + text), e.getMessage());
        assertTrue(!e.getMessage().contains("setFormat"), e.getMessage());
    }
}
