package io.crossview.deploy.run;

import io.crossview.common.wire.FrameEmbeddings;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of one pipeline run, counted from what the pipeline wrote to its topics; the
 * embeddings only when the run kept them (for the matcher benchmark).
 */
public record RunResult(int cameras, long frames, long detections, long tracks, long identities,
                        long crossCameraLinks, long identityEvents, Path out, RunStats stats,
                        List<FrameEmbeddings> embeddings, IdentityCollector.Harvest harvest) {
    /** The one summary line, for instance {@code demo: cameras=2 frames=796 ...}. */
    public String summaryLine(String command) {
        return command + ": cameras=" + cameras + " frames=" + frames + " detections=" + detections + " tracks=" + tracks
                + " identities=" + identities + " cross_camera_links=" + crossCameraLinks + " detector=" + stats.detectorModel()
                + " reid_model=" + stats.modelVersion();
    }
}
