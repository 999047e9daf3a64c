package io.crossview.ingest.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The container FFmpeg writes, chosen by the output file's extension. */
public final class Container {
    private static final Map<String, String> FORMATS = Map.of(
            "mp4", "mp4", "mkv", "matroska", "avi", "avi", "mov", "mov");

    private Container() {
    }

    /** The FFmpeg muxer name for {@code out}; throws naming the extensions it knows. */
    public static String formatOf(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String format = FORMATS.get(ext);
        if (format == null) {
            throw new IllegalArgumentException("cannot tell the video container of " + out
                    + ": name it .mp4, .mkv, .avi or .mov");
        }
        return format;
    }
}
