package io.crossview.ingest.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.common.config.YamlFile;
import io.crossview.common.topics.Recording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cameras YAML file: {@code cameras:} followed by a list of camera entries, and optional
 * {@code ingest:} (stage settings) and {@code recording:} (retention of the frames topic) sections.
 */
public final class CamerasFile {
    private record Document(@JsonProperty("cameras") List<CameraConfig> cameras,
                            @JsonProperty("ingest") IngestSettings ingest,
                            @JsonProperty("recording") RecordingSection recording) {
    }

    private record RecordingSection(@JsonProperty("retention") String retention,
                                    @JsonProperty("max_bytes") String maxBytes) {
        Recording toRecording() {
            return new Recording(retention == null ? Recording.DEFAULT.retentionMs() : Units.millis(retention),
                    maxBytes == null ? -1 : Units.bytes(maxBytes));
        }
    }

    /**
     * What a cameras file says.
     *
     * @param cameras   the enabled cameras
     * @param recording the recording window to set on the frames topic, or null to leave it as it is
     */
    public record Contents(List<CameraConfig> cameras, IngestSettings ingest, Recording recording) {
    }

    private CamerasFile() {
    }

    /** The enabled cameras of the file; a bad file gives one IOException line naming it. */
    public static List<CameraConfig> load(Path file) throws IOException {
        return read(file).cameras();
    }

    /** Everything the file says, defaults filled; a bad file gives one IOException line naming it. */
    public static Contents read(Path file) throws IOException {
        Document document = YamlFile.read(file, Document.class, "cameras file");
        if (document == null || document.cameras() == null || document.cameras().isEmpty()) {
            throw new IOException(file + " lists no cameras (expected 'cameras:' with at least one entry)");
        }
        Set<String> ids = new HashSet<>();
        for (CameraConfig camera : document.cameras()) {
            if (!ids.add(camera.id())) {
                throw new IOException(file + ": camera id " + camera.id() + " appears twice");
            }
        }
        List<CameraConfig> enabled = document.cameras().stream().filter(CameraConfig::enabled).toList();
        if (enabled.isEmpty()) {
            throw new IOException(file + ": every camera is disabled");
        }
        try {
            return new Contents(enabled, document.ingest() == null ? IngestSettings.DEFAULT : document.ingest(),
                    document.recording() == null ? null : document.recording().toRecording());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": recording: " + e.getMessage(), e);
        }
    }
}
