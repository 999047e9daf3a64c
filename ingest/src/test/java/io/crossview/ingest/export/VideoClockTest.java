package io.crossview.ingest.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VideoClockTest {
    @Test
    void timestampsFollowCaptureTimesRoundedToTheFrameRate() {
        VideoClock clock = new VideoClock(1000, 10);
        assertEquals(0, clock.timestampMicros(1000));
        assertEquals(100_000, clock.timestampMicros(1098));
        assertEquals(500_000, clock.timestampMicros(1502), "a gap in the recording stays a gap");
    }

    @Test
    void framesThatWouldShareATickArePushedToTheNextSoNoneIsLost() {
        VideoClock clock = new VideoClock(0, 10);
        long a = clock.timestampMicros(0);
        long b = clock.timestampMicros(20);
        long c = clock.timestampMicros(40);
        assertTrue(a < b && b < c, a + " " + b + " " + c);
        assertEquals(200_000, c);
    }

    @Test
    void theFrameRateIsTheMedianGapBetweenCaptures() {
        assertEquals(10.0, VideoClock.estimateFps(new long[] {0, 100, 200, 300, 900, 1000}, 25));
        assertEquals(25.0, VideoClock.estimateFps(new long[] {5}, 25));
        assertEquals(5.0, VideoClock.estimateFps(new long[] {400, 0, 200, 200, 600}, 25), "order and repeats do not matter");
    }

    @Test
    void theContainerComesFromTheExtensionAndTheCodecFromItsName() {
        assertEquals("mp4", Container.formatOf(Path.of("a/clip.MP4")));
        assertEquals("matroska", Container.formatOf(Path.of("clip.mkv")));
        assertEquals("avi", Container.formatOf(Path.of("clip.avi")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Container.formatOf(Path.of("clip.gif")))
                .getMessage().contains(".mp4"));
        assertEquals(VideoCodec.H264, VideoCodec.parse("h264"));
        assertEquals(VideoCodec.MJPEG, VideoCodec.parse("MJPEG"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VideoCodec.parse("x265"))
                .getMessage().contains("mpeg4, h264, mjpeg"));
    }
}
