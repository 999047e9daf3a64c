package io.crossview.matcher.query;

import java.util.List;

/** The live tracks of one camera, by track id. */
public record CameraTracksView(String camera, List<TrackView> tracks) {
    public CameraTracksView {
        tracks = List.copyOf(tracks);
    }
}
