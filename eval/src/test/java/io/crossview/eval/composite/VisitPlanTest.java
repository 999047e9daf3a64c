package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.eval.synth.CameraTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VisitPlanTest {
    private static final double SOURCE_FPS = 10;
    private static final VisitPlan.Timing TIMING = VisitPlan.Timing.DEFAULT;

    private static List<CutPerson> people() {
        List<CutPerson> people = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            int first = 10 * id;
            people.add(CutPeople.walking(id, 20 * id, 100 + 10 * id, new Stretch(first, first + 19),
                    new Stretch(first + 30, first + 59), new Stretch(first + 70, first + 84)));
        }
        return people;
    }

    private static List<CameraView> views() {
        List<CameraView> views = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int c = 0; c < 3; c++) {
            views.add(CameraView.random(rnd, c, c % 2 == 1, 768, 576, 320, 240));
        }
        return views;
    }

    private static VisitPlan plan(double fps, long seed) {
        return VisitPlan.make(people(), views(), SOURCE_FPS, fps, TIMING, new SplittableRandom(seed));
    }

    @Test
    void everyoneVisitsTheCamerasInOrderShowingTheNextStretchWithATransitInsideTheWindow() {
        VisitPlan plan = plan(10, 1);
        assertEquals(18, plan.visits().size());
        for (int person = 1; person <= 6; person++) {
            int p = person;
            List<Visit> mine = plan.visits().stream().filter(v -> v.person() == p)
                    .sorted(java.util.Comparator.comparingInt(Visit::start)).toList();
            assertEquals(List.of(0, 1, 2), mine.stream().map(Visit::camera).toList());
            assertEquals(List.of(0, 1, 2), mine.stream().map(Visit::stretch).toList());
            assertEquals(List.of(20, 30, 15), mine.stream().map(Visit::frames).toList());
            for (int i = 1; i < 3; i++) {
                double transit = (mine.get(i).start() - mine.get(i - 1).end()) / 10.0;
                assertTrue(transit >= TIMING.transitMin() && transit <= TIMING.transitMax(), "transit " + transit);
            }
        }
        int last = plan.visits().stream().mapToInt(Visit::end).max().orElseThrow();
        assertEquals(last + 1 + 10, plan.frames(), "a second of tail");
        assertTrue(plan.visits().stream().mapToInt(Visit::start).min().orElseThrow() >= 5, "half a second of lead-in");
    }

    @Test
    void atHalfTheSourceRateAVisitIsHalfAsManyFramesAndStillPlaysTheWalkInRealTime() {
        VisitPlan plan = plan(5, 1);
        Visit v = plan.on(1).get(0);
        assertEquals(15, v.frames());
        assertEquals(0, plan.sourceOffset(v, v.start(), 30));
        assertEquals(2, plan.sourceOffset(v, v.start() + 1, 30));
        assertEquals(28, plan.sourceOffset(v, v.end(), 30));
        assertEquals(29, plan.sourceOffset(v, v.end() + 5, 30), "clamped to the stretch");
    }

    @Test
    void eachVisitIsPlacedSoThatTheWholeStretchStaysInsideThePicture() {
        VisitPlan plan = plan(10, 7);
        List<CutPerson> people = people();
        for (Visit v : plan.visits()) {
            CutPerson person = people.get(v.person() - 1);
            for (int i = 0; i < person.stretch(v.stretch()).length(); i++) {
                double[] r = v.placement().rect(person.box(v.stretch(), i));
                assertTrue(r[0] >= 0 && r[1] >= 0 && r[2] <= 320 && r[3] <= 240,
                        "person " + v.person() + " on camera " + v.camera() + ": " + java.util.Arrays.toString(r));
            }
        }
    }

    @Test
    void theTopologyConnectsConsecutiveCamerasWithTheWindowTransitsWereDrawnFrom() {
        VisitPlan plan = plan(10, 1);
        CameraTopology topology = plan.topology(List.of("cam1", "cam2", "cam3"));
        assertEquals(List.of(), topology.overlaps());
        assertEquals(2, topology.connections().size());
        CameraTopology.Connection c = topology.connection("cam2", "cam3").orElseThrow();
        assertEquals(6, c.transits());
        assertEquals(TIMING.transitMin(), c.minSeconds());
        assertEquals(TIMING.transitMax(), c.maxSeconds());
        double[] drawn = plan.transits(1);
        assertEquals((drawn[2] + drawn[3]) / 2, c.medianSeconds(), 0.005);
        assertTrue(topology.connection("cam1", "cam3").isEmpty());
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertEquals(plan(10, 1), plan(10, 1));
        assertNotEquals(plan(10, 1).visits(), plan(10, 2).visits());
    }
}
