package io.crossview.matcher.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CameraBiasTest {
    private static Tracklet track(String camera, int n, float... look) {
        return new Tracklet(camera + "/" + n, camera, 0, 1000, "m", look, n, 10);
    }

    @Test
    void aCastEveryTrackOfACameraSharesIsTakenOffSoTwoPeopleThereLookApart() {
        // two different people under one strong cast (axis 2) look alike; without it they do not
        Tracklet a = track("cam1", 1, 0.6f, 0.0f, 0.8f);
        Tracklet b = track("cam1", 2, 0.0f, 0.6f, 0.8f);
        double before = a.cosine(b);
        CameraBias.remove(List.of(a, b), 1);
        assertTrue(a.cosine(b) < before - 0.2, before + " -> " + a.cosine(b)); // over two tracks, 2/7 of the mean
    }

    @Test
    void theMoreTracksTheMeanRestsOnTheMoreOfItIsTakenOff() {
        Tracklet fewA = track("cam1", 1, 0.6f, 0.0f, 0.8f);
        Tracklet fewB = track("cam1", 2, 0.0f, 0.6f, 0.8f);
        CameraBias.remove(List.of(fewA, fewB), 1);
        java.util.List<Tracklet> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(track("cam1", i, i % 2 == 0 ? 0.6f : 0f, i % 2 == 0 ? 0f : 0.6f, 0.8f));
        }
        CameraBias.remove(many, 1);
        assertTrue(many.get(0).cosine(many.get(1)) < fewA.cosine(fewB));
    }

    @Test
    void aCameraWithOneTrackKeepsItsLook() {
        Tracklet alone = track("cam2", 1, 0.6f, 0.8f);
        CameraBias.remove(List.of(alone, track("cam1", 1, 1, 0), track("cam1", 2, 0, 1)), 1);
        assertArrayEquals(new float[] {0.6f, 0.8f}, alone.appearance());
    }
}
