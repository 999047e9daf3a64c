package io.crossview.ingest.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A camera url, classified: a video file, a network stream, a V4L2 device or a scheme the
 * application registered ({@link Sources#register}); with the text FFmpeg opens and a printable
 * form whose credentials are masked.
 *
 * @param target what FFmpeg (or the registered factory: the url as written) is given to open
 * @param format FFmpeg input format to force ({@code video4linux2} for devices), or null
 */
public record SourceUrl(Kind kind, String target, String format) {
    /** Where pictures come from; only live kinds reconnect. A registered source plays like a file. */
    public enum Kind {
        FILE(false), STREAM(true), DEVICE(true), REGISTERED(false);

        private final boolean live;

        Kind(boolean live) {
            this.live = live;
        }

        public boolean live() {
            return live;
        }
    }

    /** Network protocols FFmpeg reads that make sense for a camera. */
    public static final Set<String> STREAM_SCHEMES =
            Set.of("rtsp", "rtsps", "http", "https", "rtmp", "rtmps", "srt", "udp", "rtp", "tcp");

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");
    private static final Pattern SCHEME_PREFIX = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@]*)@");
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&](?:password|passwd|pass|passphrase|pwd|token|key|secret|auth)=)[^&#]*");

    public SourceUrl {
        if (kind == null || target == null || target.isBlank()) {
            throw new IllegalArgumentException("a source url needs a kind and a target");
        }
    }

    /** Classifies a url as a cameras file writes it; an unknown scheme is one clear error. */
    public static SourceUrl parse(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty camera url");
        }
        String prefix = schemeOf(text);
        if (prefix != null && Sources.isRegistered(prefix)) {
            return new SourceUrl(Kind.REGISTERED, text, null);
        }
        if (text.startsWith("v4l2:")) {
            String device = text.substring("v4l2:".length()).replaceFirst("^//", "");
            return new SourceUrl(Kind.DEVICE, device.isEmpty() ? "/dev/video0" : device, "video4linux2");
        }
        if (text.startsWith("/dev/video")) {
            return new SourceUrl(Kind.DEVICE, text, "video4linux2");
        }
        if (text.startsWith("file:")) {
            return new SourceUrl(Kind.FILE, Path.of(URI.create(text)).toString(), null);
        }
        var scheme = SCHEME.matcher(text);
        if (scheme.matches()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!STREAM_SCHEMES.contains(name)) {
                throw new IllegalArgumentException("unsupported url scheme '" + name + "' (cameras take "
                        + acceptedForms() + ")");
            }
            return new SourceUrl(Kind.STREAM, text, null);
        }
        return new SourceUrl(Kind.FILE, text, null);
    }

    /** The url's scheme in lower case ({@code rtsp}, {@code synth}, ...), or null for a plain path. */
    public String scheme() {
        return switch (kind) {
            case FILE -> null;
            case DEVICE -> "v4l2";
            case STREAM, REGISTERED -> schemeOf(target);
        };
    }

    /** "files, http, https, ..., v4l2:/dev/videoN and synth://": what a camera url may be, registered schemes included. */
    static String acceptedForms() {
        List<String> forms = new ArrayList<>();
        forms.add("files");
        forms.addAll(STREAM_SCHEMES.stream().sorted().toList());
        forms.add("v4l2:/dev/videoN");
        Sources.registered().forEach(scheme -> forms.add(scheme + "://"));
        return String.join(", ", forms.subList(0, forms.size() - 1)) + " and " + forms.get(forms.size() - 1);
    }

    private static String schemeOf(String text) {
        var prefix = SCHEME_PREFIX.matcher(text);
        return prefix.matches() ? prefix.group(1).toLowerCase(Locale.ROOT) : null;
    }

    public boolean isRtsp() {
        return kind == Kind.STREAM && target.regionMatches(true, 0, "rtsp", 0, 4);
    }

    /** The url fit for logs and status events: passwords and secret query values become ***. */
    public String masked() {
        return mask(target);
    }

    /** A message that may quote this url (FFmpeg's do), with the url masked. */
    public String scrub(String message) {
        return message == null ? "" : message.replace(target, masked());
    }

    public static String mask(String url) {
        var userInfo = USER_INFO.matcher(url);
        String masked = url;
        if (userInfo.find()) {
            String info = userInfo.group(2);
            int colon = info.indexOf(':');
            String user = colon >= 0 ? info.substring(0, colon) + ":***" : "***";
            masked = userInfo.group(1) + user + "@" + url.substring(userInfo.end());
        }
        return SECRET_PARAM.matcher(masked).replaceAll("$1***");
    }
}
