package io.crossview.matcher.linking;

import io.crossview.matcher.calibration.Calibration;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.IdentityRecord;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.tracking.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrototypesTest {
    private final LinkerParams params = LinkerParams.defaults();

    private static Vector mix(int a, int b, double weightOfB) {
        return Vectors.blend(person(a), person(b), 1 - weightOfB);
    }

    @Test
    void aSimilarTrackletMovesThePrototypeWithMomentumInsteadOfAddingOne() {
        IdentityRecord one = Prototypes.fold(IdentityRecord.newBuilder().setId(1).build(), person(0), "m", 1, params, Calibration.defaults());
        IdentityRecord two = Prototypes.fold(one, mix(0, 1, 0.2), "m", 2, params, Calibration.defaults());
        assertEquals(1, two.getPrototypesCount());
        double moved = Vectors.cosine(two.getPrototypes(0).getVector(), person(1));
        assertTrue(moved > 0 && moved < Vectors.cosine(mix(0, 1, 0.2), person(1)), "moved part of the way: " + moved);
        assertEquals(2, two.getPrototypes(0).getTracklets());
    }

    @Test
    void aDifferentViewBecomesAPrototypeOfItsOwnUntilTheCapThenFoldsIntoTheNearest() {
        IdentityRecord identity = IdentityRecord.newBuilder().setId(1).build();
        for (int axis = 0; axis < params.maxPrototypes() + 2; axis++) {
            identity = Prototypes.fold(identity, person(axis), "m", axis, params, Calibration.defaults());
        }
        assertEquals(params.maxPrototypes(), identity.getPrototypesCount());
        assertEquals(1.0, Prototypes.similarity(identity, person(2), "m"), 1e-6);
    }

    @Test
    void similarityOnlyComparesPrototypesOfTheSameModel() {
        IdentityRecord identity = Prototypes.fold(IdentityRecord.newBuilder().setId(1).build(), person(0), "v1", 1, params, Calibration.defaults());
        assertEquals(-1, Prototypes.similarity(identity, person(0), "v2"));
        assertEquals(1, Prototypes.similarity(identity, person(0), "v1"), 1e-6);
    }

    @Test
    void onlyTheTwoNewestModelsAreKept() {
        IdentityRecord identity = IdentityRecord.newBuilder().setId(1).build();
        identity = Prototypes.fold(identity, person(0), "v1", 1, params, Calibration.defaults());
        identity = Prototypes.fold(identity, person(0), "v2", 2, params, Calibration.defaults());
        identity = Prototypes.fold(identity, person(0), "v3", 3, params, Calibration.defaults());
        assertEquals(List.of("v3", "v2"), Prototypes.versions(identity));
    }

    @Test
    void aRecordOfTheOldSinglePrototypeShapeIsReadAsOnePrototype() {
        IdentityRecord old = IdentityRecord.newBuilder().setId(7).setPrototype(person(3)).setModelVersion("m")
                .setTracklets(4).build();
        IdentityRecord upgraded = Prototypes.upgrade(old);
        assertEquals(1, upgraded.getPrototypesCount());
        assertEquals(1, Prototypes.similarity(upgraded, person(3), "m"), 1e-6);
        assertEquals(0, upgraded.getPrototype().getValuesCount());
    }
}
