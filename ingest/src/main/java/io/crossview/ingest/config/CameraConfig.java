package io.crossview.ingest.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.ingest.source.SourceUrl;
import java.util.Map;

/**
 * One camera of a cameras file. Only {@code id} and {@code url} are required.
 *
 * @param url         a file path, {@code file:}, a network stream (rtsp, rtsps, http(s), rtmp, srt, udp, ...),
 *                    a V4L2 device ({@code /dev/video0}, {@code v4l2:/dev/video0}) or a url of a scheme
 *                    registered with {@link io.crossview.ingest.source.Sources#register} (deploy: {@code synth://})
 * @param fps         frames per second taken from the source
 * @param loop        a file starts again at its end (a test camera); other sources ignore it
 * @param options     FFmpeg input options passed as they are (for example {@code rtsp_transport: udp})
 * @param maxWidth    pictures wider than this are scaled down (0: never)
 * @param maxHeight   pictures taller than this are scaled down (0: never)
 */
public record CameraConfig(
        @JsonProperty("id") String id,
        @JsonProperty("site") String site,
        @JsonProperty("url") String url,
        @JsonProperty("fps") Double fps,
        @JsonProperty("max_width") Integer maxWidth,
        @JsonProperty("max_height") Integer maxHeight,
        @JsonProperty("jpeg_quality") Integer jpegQuality,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("loop") Boolean loop,
        @JsonProperty("options") Map<String, String> options) {

    public static final String DEFAULT_SITE = "default";

    /** Fills defaults and checks every field; messages name the camera. */
    public CameraConfig {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("camera id " + (id == null ? "is missing" : "'" + id
                    + "' may only hold letters, digits, '.', '_' and '-'"));
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("camera " + id + " has no url");
        }
        site = site == null || site.isBlank() ? DEFAULT_SITE : site;
        fps = fps == null ? 10.0 : fps;
        maxWidth = maxWidth == null ? 0 : maxWidth;
        maxHeight = maxHeight == null ? 0 : maxHeight;
        jpegQuality = jpegQuality == null ? 90 : jpegQuality;
        enabled = enabled == null || enabled;
        loop = loop != null && loop;
        options = options == null ? Map.of() : Map.copyOf(options);
        try {
            SourceUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("camera " + id + ": " + e.getMessage(), e);
        }
        if (!(fps > 0 && fps <= 120)) {
            throw new IllegalArgumentException("camera " + id + ": fps must be in (0, 120], got " + fps);
        }
        if (maxWidth < 0 || maxHeight < 0) {
            throw new IllegalArgumentException("camera " + id + ": max_width and max_height must be >= 0");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("camera " + id + ": jpeg_quality must be 1..100, got " + jpegQuality);
        }
    }

    public static CameraConfig of(String id, String url, double fps) {
        return new CameraConfig(id, null, url, fps, null, null, null, null, null, null);
    }

    public SourceUrl source() {
        return SourceUrl.parse(url);
    }
}
