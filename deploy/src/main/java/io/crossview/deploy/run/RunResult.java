package io.crossview.deploy.run;

import java.nio.file.Path;

/** The figures of one pipeline run, counted from what the pipeline wrote to its topics. */
public record RunResult(int cameras, long frames, long detections, long tracks, long identities,
                        long crossCameraLinks, long identityEvents, Path out, RunStats stats) {
    /** The one summary line, for instance {@code demo: cameras=2 frames=796 ...}. */
    public String summaryLine(String command) {
        return command + ": cameras=" + cameras + " frames=" + frames + " detections=" + detections + " tracks=" + tracks
                + " identities=" + identities + " cross_camera_links=" + crossCameraLinks;
    }
}
