package io.crossview.matcher.query;

import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackPhase;
import io.crossview.common.wire.TrackState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Shapes a camera's tracker state and the linker's links of its tracks for the query API. */
public final class CameraViews {
    private CameraViews() {
    }

    /** The live tracks of a camera: confirmed and lost ones; tentative tracks are not reported anywhere. */
    public static CameraTracksView tracks(String camera, CameraTracks state) {
        List<TrackView> out = new ArrayList<>();
        for (TrackState t : state.getTracksList()) {
            phaseName(t.getPhase()).ifPresent(phase -> out.add(new TrackView(t.getId(), phase, BoxView.of(t.getBox()),
                    t.getHits(), t.getFirstSeenMs(), t.getLastSeq(), null, false)));
        }
        out.sort(Comparator.comparingLong(TrackView::id));
        return new CameraTracksView(camera, out);
    }

    private static Optional<String> phaseName(TrackPhase phase) {
        return switch (phase) {
            case TRACK_CONFIRMED -> Optional.of("confirmed");
            case TRACK_LOST -> Optional.of("lost");
            default -> Optional.empty();
        };
    }

    /** The tracks with the identities that {@code links} give them. */
    public static CameraTracksView linked(CameraTracksView view, List<LinkView> links) {
        Map<Long, LinkView> byTrack = new TreeMap<>();
        links.forEach(link -> byTrack.merge(link.trackId(), link, CameraViews::newer));
        List<TrackView> out = new ArrayList<>();
        for (TrackView track : view.tracks()) {
            LinkView link = byTrack.get(track.id());
            out.add(link == null ? track : track.withLink(link));
        }
        return new CameraTracksView(view.camera(), out);
    }

    /** The link of one track, from the linker's store entry (key {@code camera/trackId}). */
    public static Optional<LinkView> link(String key, TrackLink link) {
        return TrackKey.parse(key).map(k -> new LinkView(k.trackId(), link.getIdentityId(), link.getConfidence(),
                link.getFirstSeenMs(), link.getLastSeenMs()));
    }

    /** The links instances found of one camera's tracks; were a track found twice, the later sighting wins. */
    public static CameraLinks merge(String camera, List<CameraLinks> parts) {
        Map<Long, LinkView> byTrack = new TreeMap<>();
        for (CameraLinks part : parts) {
            part.links().forEach(link -> byTrack.merge(link.trackId(), link, CameraViews::newer));
        }
        return new CameraLinks(camera, List.copyOf(byTrack.values()));
    }

    private static LinkView newer(LinkView a, LinkView b) {
        return b.lastSeenMs() > a.lastSeenMs() ? b : a;
    }
}
