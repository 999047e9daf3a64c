package io.crossview.matcher.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.Box;
import io.crossview.common.wire.CameraTracks;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackPhase;
import io.crossview.common.wire.TrackState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraViewsTest {
    private static TrackState track(long id, TrackPhase phase) {
        return TrackState.newBuilder().setId(id).setPhase(phase).setHits(5).setFirstSeenMs(100 * id).setLastSeq(40)
                .setBox(Box.newBuilder().setX(1).setY(2).setW(30).setH(90).setScore(0.9f)).build();
    }

    private static final CameraTracks STATE = CameraTracks.newBuilder()
            .addTracks(track(5, TrackPhase.TRACK_LOST))
            .addTracks(track(3, TrackPhase.TRACK_CONFIRMED))
            .addTracks(track(6, TrackPhase.TRACK_TENTATIVE))
            .addTracks(track(4, TrackPhase.TRACK_CONFIRMED))
            .build();

    @Test
    void liveTracksAreTheConfirmedAndLostOnesByIdWithTheirPhase() {
        CameraTracksView view = CameraViews.tracks("east", STATE);

        assertEquals(List.of(3L, 4L, 5L), view.tracks().stream().map(TrackView::id).toList());
        assertEquals(List.of("confirmed", "confirmed", "lost"), view.tracks().stream().map(TrackView::phase).toList());
        TrackView three = view.tracks().get(0);
        assertEquals(new BoxView(1, 2, 30, 90), three.box());
        assertEquals(300, three.firstSeenMs());
        assertEquals(40, three.lastSeq());
        assertNull(three.identity());
    }

    @Test
    void linksGiveTracksTheirIdentityOrSayItIsPending() {
        CameraTracksView view = CameraViews.linked(CameraViews.tracks("east", STATE), List.of(
                new LinkView(3, 17, 0.9f, 300, 900), new LinkView(4, 0, 0, 400, 900)));

        assertEquals(17L, view.tracks().get(0).identity());
        assertFalse(view.tracks().get(0).pending());
        assertNull(view.tracks().get(1).identity());
        assertTrue(view.tracks().get(1).pending());
        assertNull(view.tracks().get(2).identity(), "no link: the linker knows nothing of it");
        assertFalse(view.tracks().get(2).pending());
    }

    @Test
    void aStoreEntryBecomesTheLinkOfItsTrack() {
        LinkView link = CameraViews.link("east/12", TrackLink.newBuilder().setIdentityId(3).setConfidence(0.5f)
                .setFirstSeenMs(10).setLastSeenMs(20).build()).orElseThrow();

        assertEquals(new LinkView(12, 3, 0.5f, 10, 20), link);
        assertTrue(CameraViews.link("garbage", TrackLink.getDefaultInstance()).isEmpty());
    }

    @Test
    void linksFromSeveralInstancesMergeByTrackTheLaterSightingWinning() {
        CameraLinks merged = CameraViews.merge("east", List.of(
                new CameraLinks("east", List.of(new LinkView(2, 5, 1, 0, 100), new LinkView(1, 4, 1, 0, 100))),
                new CameraLinks("east", List.of(new LinkView(2, 6, 1, 0, 200)))));

        assertEquals(List.of(new LinkView(1, 4, 1, 0, 100), new LinkView(2, 6, 1, 0, 200)), merged.links());
    }
}
