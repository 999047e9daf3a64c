package io.crossview.ingest.source;

import io.crossview.ingest.config.CameraConfig;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Opens the source a camera's url names: files, streams and devices through FFmpeg, and the
 * url schemes an application registered ({@link #register}) through their factories.
 */
public final class Sources {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final Map<String, SourceFactory> REGISTERED = new ConcurrentHashMap<>();

    private Sources() {
    }

    /**
     * Makes {@code scheme:} urls cameras (in cameras files too) opened by {@code factory};
     * registering a scheme again replaces its factory. Register before reading any camera
     * config that uses the scheme. The schemes ingest reads itself cannot be taken over.
     */
    public static void register(String scheme, SourceFactory factory) {
        Objects.requireNonNull(factory, "factory");
        String name = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a url scheme: '" + scheme + "'");
        }
        if (name.equals("file") || name.equals("v4l2") || SourceUrl.STREAM_SCHEMES.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' urls are ingest's own; register another scheme");
        }
        REGISTERED.put(name, factory);
    }

    /** The registered schemes, sorted. */
    public static Set<String> registered() {
        return new TreeSet<>(REGISTERED.keySet());
    }

    /** For tests: forgets a registered scheme. */
    static void unregister(String scheme) {
        REGISTERED.remove(scheme);
    }

    static boolean isRegistered(String scheme) {
        return REGISTERED.containsKey(scheme);
    }

    /** Opens with default read timeouts; see {@link #open(CameraConfig, long)}. */
    public static FrameSource open(CameraConfig camera) throws IOException {
        return open(camera, StreamOptions.DEFAULT.readTimeoutMs());
    }

    /**
     * Opens a camera's source; live sources fail a read that blocks longer than
     * {@code readTimeoutMs}. Failures throw {@link SourceException}, saying whether a retry may help.
     */
    public static FrameSource open(CameraConfig camera, long readTimeoutMs) throws IOException {
        SourceUrl url = camera.source();
        if (url.kind() == SourceUrl.Kind.REGISTERED) {
            SourceFactory factory = REGISTERED.get(url.scheme());
            if (factory == null) {
                throw new SourceException("camera " + camera.id() + ": no source registered for " + url.scheme()
                        + "://", true);
            }
            try {
                return factory.open(url.target(), camera.fps());
            } catch (IllegalArgumentException e) {
                throw new SourceException("camera " + camera.id() + ": " + e.getMessage(), true, e);
            }
        }
        StreamOptions options = new StreamOptions(readTimeoutMs, StreamOptions.DEFAULT.rtspTransport(), camera.options());
        return FfmpegSource.open(url, camera.fps(), options);
    }
}
