package io.crossview.matcher.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Sighting;
import io.crossview.common.wire.TrackLink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelinesTest {
    private static final IdentityRecord SEVEN = IdentityRecord.newBuilder().setId(7)
            .addCameras("east").addCameras("west").setFirstSeenMs(1_000).setLastSeenMs(5_000)
            .addSightings(Sighting.newBuilder().setCamera("west").setTrackId(4).setFirstMs(3_000).setLastMs(5_000))
            .addSightings(Sighting.newBuilder().setCamera("east").setTrackId(2).setFirstMs(1_000).setLastMs(2_000))
            .build();

    private static TrackLink link(long identity, long first, long last) {
        return TrackLink.newBuilder().setIdentityId(identity).setFirstSeenMs(first).setLastSeenMs(last).build();
    }

    @Test
    void sightingsAndTheLiveTracksLinkedToTheIdentityComeInOrderOfTheirStart() {
        Timeline timeline = Timelines.of(SEVEN, Map.of(
                "hall/9", link(7, 6_000, 6_400),
                "east/3", link(8, 2_500, 6_400),    // someone else
                "east/5", link(0, 6_100, 6_400)));  // pending: nobody's yet

        assertEquals(List.of(
                new TimelineEntry("east", 2, 1_000, 2_000, false),
                new TimelineEntry("west", 4, 3_000, 5_000, false),
                new TimelineEntry("hall", 9, 6_000, 6_400, true)), timeline.tracklets());
        assertEquals(List.of("east", "west", "hall"), timeline.cameras());
        assertEquals(1_000, timeline.firstSeenMs());
        assertEquals(6_400, timeline.lastSeenMs(), "a live track is seen later than the record knows");
    }

    @Test
    void aLinkThatNeverRecordedItsStartStartsWhenItWasLastSeen() {
        Timeline timeline = Timelines.of(SEVEN, Map.of("cam/with/slashes/12", link(7, 0, 7_000)));

        assertEquals(new TimelineEntry("cam/with/slashes", 12, 7_000, 7_000, true), timeline.tracklets().get(2));
    }

    @Test
    void partsFromSeveralInstancesMergeIntoOneTimelineWhereAFinishedTrackBeatsItsLiveCopy() {
        Timeline a = new Timeline(7, List.of("east"), 1_000, 2_000,
                List.of(new TimelineEntry("east", 2, 1_000, 2_000, false)));
        Timeline b = new Timeline(7, List.of("west", "east"), 500, 9_000, List.of(
                new TimelineEntry("east", 2, 1_000, 1_800, true),
                new TimelineEntry("west", 1, 400, 900, false)));

        Timeline merged = Timelines.merge(7, List.of(a, b)).orElseThrow();

        assertEquals(List.of(
                new TimelineEntry("west", 1, 400, 900, false),
                new TimelineEntry("east", 2, 1_000, 2_000, false)), merged.tracklets());
        assertEquals(List.of("east", "west"), merged.cameras());
        assertEquals(500, merged.firstSeenMs());
        assertEquals(9_000, merged.lastSeenMs());
    }

    @Test
    void noPartsMeanNoTimeline() {
        assertTrue(Timelines.merge(7, List.of()).isEmpty());
        assertEquals(Optional.empty(), Timelines.merge(7, List.of()));
    }
}
