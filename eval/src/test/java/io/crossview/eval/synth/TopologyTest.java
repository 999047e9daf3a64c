package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.eval.synth.CameraTopology.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopologyTest {
    /** The default world, in small pictures: topology does not depend on the picture size much. */
    private static SyntheticWorld world;

    @BeforeAll
    static void build() {
        world = SyntheticWorld.create(WorldSpec.DEFAULT.withSize(320, 240));
    }

    @AfterAll
    static void close() {
        world.close();
    }

    @Test
    void thePlazaCamerasOverlapAndTheOthersAreReachedAfterAWalk() {
        CameraTopology t = world.topology();
        assertEquals(List.of("cam1", "cam2", "cam3", "cam4"), t.cameras());
        assertTrue(t.overlap("cam1", "cam2"), t.toString());
        assertFalse(t.overlap("cam2", "cam3"), t.toString());
        assertFalse(t.overlap("cam1", "cam4"), t.toString());
        Connection corridor = t.connection("cam3", "cam2").orElseThrow(() -> new AssertionError(t.toString()));
        assertTrue(corridor.transits() >= 1);
        assertTrue(corridor.medianSeconds() > 5 && corridor.medianSeconds() < 30, corridor.toString());
        assertTrue(corridor.minSeconds() <= corridor.medianSeconds() && corridor.medianSeconds() <= corridor.maxSeconds());
        Connection arcade = t.connection("cam1", "cam4").orElseThrow(() -> new AssertionError(t.toString()));
        assertTrue(arcade.medianSeconds() > 5, arcade.toString());
        assertTrue(world.topology() == t, "computed once");
    }

    @Test
    void aPersonSeenByTwoCamerasAtOnceHasTheSameIdentityInBoth() {
        Set<Integer> shared = new HashSet<>();
        for (int f = 0; f < world.frames(); f += 5) {
            Set<Integer> one = ids(world.groundTruth("cam1", f));
            Set<Integer> two = ids(world.groundTruth("cam2", f));
            one.retainAll(two);
            shared.addAll(one);
        }
        assertTrue(shared.size() >= 3, "identities seen by cam1 and cam2 at the same time: " + shared);
    }

    @Test
    void identitiesThatWalkToTheHallAreSeenThereUnderTheSameIdAfterTheCorridor() {
        Set<Integer> plaza = new HashSet<>();
        Set<Integer> hall = new HashSet<>();
        for (int f = 0; f < world.frames(); f += 5) {
            plaza.addAll(ids(world.groundTruth("cam2", f)));
            hall.addAll(ids(world.groundTruth("cam3", f)));
        }
        hall.retainAll(plaza);
        assertFalse(hall.isEmpty(), "nobody seen in both the plaza and the hall");
    }

    private static Set<Integer> ids(List<GroundTruthBox> boxes) {
        return boxes.stream().map(GroundTruthBox::id).collect(Collectors.toCollection(HashSet::new));
    }
}
