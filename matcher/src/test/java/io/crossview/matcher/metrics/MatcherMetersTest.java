package io.crossview.matcher.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crossview.common.metrics.MeterNames;
import io.crossview.common.wire.IdentityState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MatcherMetersTest {
    @Test
    void eventsAreCountedByStateWithMatchesAsLinksAndCorrectionsApart() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MatcherMeters meters = new MatcherMeters(registry);
        meters.event(IdentityState.IDENTITY_NEW);
        meters.event(IdentityState.IDENTITY_MATCHED);
        meters.event(IdentityState.IDENTITY_MATCHED);
        meters.event(IdentityState.IDENTITY_CORRECTED);
        assertEquals(2, registry.get(MeterNames.MATCHER_EVENTS).tag("state", "matched").counter().count());
        assertEquals(1, registry.get(MeterNames.MATCHER_EVENTS).tag("state", "new").counter().count());
        assertEquals(2, registry.get(MeterNames.MATCHER_LINKS).counter().count());
        assertEquals(1, registry.get(MeterNames.MATCHER_CORRECTIONS).counter().count());
    }

    @Test
    void identitiesAndPendingTracksAreSummedOverTheTasksThatAreOpen() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MatcherMeters meters = new MatcherMeters(registry);
        meters.task("0_0", 5, 2);
        meters.task("0_1", 3, 1);
        meters.task("0_0", 6, 0);
        assertEquals(9, registry.get(MeterNames.MATCHER_IDENTITIES).gauge().value());
        assertEquals(1, registry.get(MeterNames.MATCHER_PENDING_TRACKS).gauge().value());
        meters.taskClosed("0_1");
        assertEquals(6, registry.get(MeterNames.MATCHER_IDENTITIES).gauge().value());
        meters.close();
        assertEquals(0, registry.getMeters().size(), "closing removes what it registered");
    }
}
