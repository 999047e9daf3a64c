package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownRepeatsTest {
    private static final String VTEST = "45cddc9490be69345cbdab64ca583be65987e864ca408038e648db99e10516cf";

    @Test
    void vtestListsTheTwoMenWhoComeBackEachAsAWalkAfterTheOneKept() {
        List<KnownRepeats.Repeat> repeats = KnownRepeats.of(VTEST);
        assertEquals(List.of(617, 652), repeats.stream().map(KnownRepeats.Repeat::walk).toList());
        for (KnownRepeats.Repeat r : repeats) {
            assertNotEquals(r.walk(), r.sameAs());
            assertTrue(r.who() != null && !r.who().isBlank(), r.toString());
        }
    }

    @Test
    void anUnknownVideoHasNoRepeats() {
        assertEquals(List.of(), KnownRepeats.of("0".repeat(64)));
    }
}
