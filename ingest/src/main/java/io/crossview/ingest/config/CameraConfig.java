package io.crossview.ingest.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One camera of a cameras file. Only {@code id} and {@code url} are required.
 *
 * @param url         a file path, {@code file:}, a network stream (rtsp, http, ...) or {@code synth://CAMERA?...}
 * @param fps         frames per second taken from the source
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
        @JsonProperty("enabled") Boolean enabled) {

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
        return new CameraConfig(id, null, url, fps, null, null, null, null);
    }
}
