package io.crossview.ingest.source;

import java.util.Map;

/**
 * How FFmpeg reads a live source.
 *
 * @param readTimeoutMs a read that blocks longer fails ({@code rw_timeout}; the grabber ignores setTimeout)
 * @param rtspTransport tcp (default: no lost packets, so no smeared pictures) or udp
 * @param extra         further FFmpeg input options from the cameras file, applied last
 */
public record StreamOptions(long readTimeoutMs, String rtspTransport, Map<String, String> extra) {
    public static final StreamOptions DEFAULT = new StreamOptions(5_000, "tcp", Map.of());

    public StreamOptions {
        if (readTimeoutMs <= 0) {
            throw new IllegalArgumentException("read timeout must be positive");
        }
        rtspTransport = rtspTransport == null ? "tcp" : rtspTransport;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
