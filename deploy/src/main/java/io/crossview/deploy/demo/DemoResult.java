package io.crossview.deploy.demo;

import java.nio.file.Path;

/** The figures of one demo run, counted from what the pipeline wrote to its topics. */
public record DemoResult(int cameras, long frames, long detections, long tracks, long identities,
                         long crossCameraLinks, long identityEvents, Path out) {
    public String summaryLine() {
        return "demo: cameras=" + cameras + " frames=" + frames + " detections=" + detections + " tracks=" + tracks
                + " identities=" + identities + " cross_camera_links=" + crossCameraLinks;
    }
}
