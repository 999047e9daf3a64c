package io.crossview.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.ingest.source.SourceUrl.Kind;
import org.junit.jupiter.api.Test;

class SourceUrlTest {
    @Test
    void everyKindOfCameraUrlIsRecognised() {
        assertEquals(Kind.FILE, SourceUrl.parse("videos/lobby.mp4").kind());
        assertEquals("/tmp/a b.mp4", SourceUrl.parse("file:///tmp/a%20b.mp4").target());
        for (String url : new String[] {"rtsp://cam/1", "rtsps://cam/1", "http://h/live.ts", "https://h/x.m3u8",
            "rtmp://h/app/key", "srt://h:9000?mode=caller", "udp://239.0.0.1:1234"}) {
            assertEquals(Kind.STREAM, SourceUrl.parse(url).kind(), url);
            assertTrue(SourceUrl.parse(url).kind().live());
        }
        SourceUrl device = SourceUrl.parse("/dev/video2");
        assertEquals(Kind.DEVICE, device.kind());
        assertEquals("video4linux2", device.format());
        assertEquals("/dev/video0", SourceUrl.parse("v4l2:///dev/video0").target());
        assertTrue(SourceUrl.parse("RTSP://cam/1").isRtsp());
        assertEquals("rtsp", SourceUrl.parse("RTSP://cam/1").scheme());
    }

    @Test
    void aRegisteredSchemeIsItsOwnKindAndPlaysLikeAFile() {
        Sources.register("Testcam", (url, fps) -> {
            throw new AssertionError("not opened");
        });
        try {
            SourceUrl url = SourceUrl.parse("testcam://cam1?seed=2");
            assertEquals(Kind.REGISTERED, url.kind());
            assertEquals("testcam://cam1?seed=2", url.target(), "the factory is given the url as written");
            assertEquals("testcam", url.scheme());
            assertFalse(url.kind().live());
            assertEquals(Kind.REGISTERED, SourceUrl.parse("TESTCAM://cam1").kind());
            assertTrue(SourceUrl.acceptedForms().endsWith("v4l2:/dev/videoN and testcam://"), SourceUrl.acceptedForms());
        } finally {
            Sources.unregister("testcam");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceUrl.parse("testcam://cam1"));
        assertTrue(e.getMessage().startsWith("unsupported url scheme 'testcam'"), e.getMessage());
    }

    @Test
    void anUnknownSchemeIsOneClearErrorNamingTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceUrl.parse("gopher://x"));
        assertEquals("unsupported url scheme 'gopher' (cameras take files, http, https, rtmp, rtmps, rtp, rtsp, "
                + "rtsps, srt, tcp, udp and v4l2:/dev/videoN)", e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void credentialsNeverReachLogs() {
        assertEquals("rtsp://admin:***@10.1.2.3:554/stream1", SourceUrl.mask("rtsp://admin:s3cr%40t@10.1.2.3:554/stream1"));
        assertEquals("rtmp://***@h/app", SourceUrl.mask("rtmp://tokenonly@h/app"));
        assertEquals("srt://h:9000?mode=caller&passphrase=***", SourceUrl.mask("srt://h:9000?mode=caller&passphrase=abcdefghij"));
        assertEquals("https://h/live.m3u8?token=***&x=1", SourceUrl.mask("https://h/live.m3u8?token=abc&x=1"));
        assertEquals("rtsp://cam/1", SourceUrl.mask("rtsp://cam/1"));
        assertEquals("videos/a@b.mp4", SourceUrl.mask("videos/a@b.mp4"));
        SourceUrl url = SourceUrl.parse("rtsp://admin:pw@cam/1");
        assertEquals("Could not open input \"rtsp://admin:***@cam/1\".",
                url.scrub("Could not open input \"rtsp://admin:pw@cam/1\"."), "FFmpeg's messages quote the url");
    }
}
