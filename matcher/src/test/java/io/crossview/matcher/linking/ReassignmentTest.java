package io.crossview.matcher.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReassignmentTest {
    private static final Reassignment.Transits ANY = (from, to, gap) -> true;

    /** Unit vector at {@code degrees} in the plane of the first two axes: cosines are set by angle. */
    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r), 0, 0};
    }

    private static Tracklet track(String key, long firstS, long lastS, double degrees, long identity, int frames) {
        return new Tracklet(key, key.substring(0, key.indexOf('/')), firstS * 1000, lastS * 1000, "m", at(degrees),
                identity, frames);
    }

    /** P(same) = 1 within 10 degrees (cosine 0.985), else 0.1. */
    private static double sharp(Tracklet a, Tracklet b) {
        return a.cosine(b) > 0.985 ? 0.99 : 0.1;
    }

    private static Map<String, Long> run(List<Tracklet> tracks, Reassignment.Transits transits) {
        AtomicLong ids = new AtomicLong(100);
        return Reassignment.labels(Reassignment.clusters(tracks, ReassignmentTest::sharp, transits, 0.7, 1.3),
                ids::incrementAndGet);
    }

    @Test
    void onePersonLeftAsTwoIdentitiesOnTwoCamerasIsJoinedUnderTheIdMostOfItsFramesCarried() {
        Map<String, Long> labels = run(List.of(track("cam1/1", 0, 10, 0, 1, 100), track("cam2/1", 20, 25, 5, 2, 50),
                track("cam2/2", 20, 25, 60, 3, 50)), ANY);
        assertEquals(1L, labels.get("cam1/1"));
        assertEquals(1L, labels.get("cam2/1"));
        assertEquals(3L, labels.get("cam2/2"), "the stranger keeps its own identity");
    }

    @Test
    void twoTracksSeenAtOnceOnOneCameraAreNeverOnePersonHoweverAlike() {
        Map<String, Long> labels = run(List.of(track("cam1/1", 0, 10, 0, 1, 100), track("cam1/2", 5, 15, 1, 2, 100)),
                ANY);
        assertNotEquals(labels.get("cam1/1"), labels.get("cam1/2"));
    }

    @Test
    void aJoinTheTransitRulesForbidIsNotMade() {
        Reassignment.Transits noneFromCam1ToCam2 = (from, to, gap) -> !(from.equals("cam1") && to.equals("cam2"));
        Map<String, Long> labels = run(List.of(track("cam1/1", 0, 10, 0, 1, 100), track("cam2/1", 20, 25, 0, 2, 50)),
                noneFromCam1ToCam2);
        assertNotEquals(labels.get("cam1/1"), labels.get("cam2/1"));
    }

    @Test
    void aTrackTheOnlineLinkerPutWithTheWrongPersonMovesToTheOneItFits() {
        // cam3/1 was linked to identity 1 (at 0 degrees) but looks like identity 2 (at 90)
        Map<String, Long> labels = run(List.of(track("cam1/1", 0, 10, 0, 1, 100), track("cam2/1", 12, 20, 2, 1, 80),
                track("cam1/2", 30, 40, 90, 2, 100), track("cam3/1", 50, 60, 91, 1, 40)), ANY);
        assertEquals(1L, labels.get("cam1/1"));
        assertEquals(1L, labels.get("cam2/1"));
        assertEquals(2L, labels.get("cam3/1"));
    }

    @Test
    void aClusterThatKeepsNoneOfItsIdsIsANewIdentity() {
        // two clusters both carried identity 1: the one with more of its frames keeps it
        Tracklet big = track("cam1/1", 0, 10, 0, 1, 100);
        Tracklet small = track("cam2/1", 12, 20, 90, 1, 10);
        AtomicLong ids = new AtomicLong(100);
        Map<String, Long> labels = Reassignment.labels(List.of(List.of(small), List.of(big)), ids::incrementAndGet);
        assertEquals(1L, labels.get("cam1/1"));
        assertEquals(101L, labels.get("cam2/1"));
    }

    @Test
    void aClusterIsConsistentOnlyWhenEverySightingIsReachableFromTheOneBefore() {
        Reassignment.Transits slow = (from, to, gap) -> gap >= 5_000;
        assertTrue(Reassignment.consistent(List.of(track("cam1/1", 0, 10, 0, 1, 1), track("cam2/1", 16, 20, 0, 1, 1)), slow));
        assertFalse(Reassignment.consistent(List.of(track("cam1/1", 0, 10, 0, 1, 1), track("cam2/1", 12, 20, 0, 1, 1)), slow));
    }
}
