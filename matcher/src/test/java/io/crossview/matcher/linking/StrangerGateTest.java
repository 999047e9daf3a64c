package io.crossview.matcher.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrangerGateTest {
    private static Tracklet track(String camera, int n, long firstS, double degrees) {
        double r = Math.toRadians(degrees);
        return new Tracklet(camera + "/" + n, camera, firstS * 1000, firstS * 1000 + 5000, "m",
                new float[] {(float) Math.cos(r), (float) Math.sin(r)}, n, 10);
    }

    @Test
    void theGateIsAHighQuantileOfHowAlikeTracksSeenTogetherOnOneCameraAre() {
        List<Tracklet> tracks = new ArrayList<>();
        // seven people at once on cam1, 10 degrees apart: 21 stranger pairs, the closest at cosine cos(10°)
        for (int i = 0; i < 7; i++) {
            tracks.add(track("cam1", i, 0, 10 * i));
        }
        tracks.add(track("cam2", 9, 0, 1)); // another camera: not a known stranger of anyone on cam1
        double gate = StrangerGate.of(tracks, 1.0).get("m");
        assertEquals(Math.cos(Math.toRadians(10)), gate, 1e-6);
        assertTrue(StrangerGate.of(tracks, 0.5).get("m") < gate);
    }

    @Test
    void tooFewStrangerPairsSetNoGate() {
        List<Tracklet> tracks = List.of(track("cam1", 1, 0, 0), track("cam1", 2, 0, 30), track("cam1", 3, 100, 60));
        assertTrue(StrangerGate.of(tracks, 0.99).isEmpty());
    }
}
