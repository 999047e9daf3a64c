package io.crossview.matcher.metrics;

import io.crossview.common.metrics.MeterNames;
import io.crossview.common.metrics.OwnedMeters;
import io.crossview.common.wire.IdentityState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the linker shows Prometheus: its identity events by state, links, corrections, and, summed
 * over the tasks this instance runs, its identities and the tracks still pending a decision.
 * Stream threads write; a scrape reads.
 */
public final class MatcherMeters implements AutoCloseable {
    private final Map<IdentityState, Counter> events = new EnumMap<>(IdentityState.class);
    private final Counter links;
    private final Counter corrections;
    private final Map<String, Integer> identities = new ConcurrentHashMap<>();
    private final Map<String, Integer> pending = new ConcurrentHashMap<>();
    private final OwnedMeters owned;

    public MatcherMeters(MeterRegistry registry) {
        this.owned = new OwnedMeters(registry);
        for (IdentityState state : IdentityState.values()) {
            if (state != IdentityState.UNRECOGNIZED && state.getNumber() != 0) {
                events.put(state, keep(Counter.builder(MeterNames.MATCHER_EVENTS).tag("state", label(state))
                        .description("identity events emitted").register(registry)));
            }
        }
        links = keep(Counter.builder(MeterNames.MATCHER_LINKS).description("tracks attached to a known identity")
                .register(registry));
        corrections = keep(Counter.builder(MeterNames.MATCHER_CORRECTIONS)
                .description("tracks moved to another identity by a re-assignment round").register(registry));
        keep(Gauge.builder(MeterNames.MATCHER_IDENTITIES, identities, MatcherMeters::sum)
                .description("identities in this instance's galleries").register(registry));
        keep(Gauge.builder(MeterNames.MATCHER_PENDING_TRACKS, pending, MatcherMeters::sum)
                .description("tracks gathering evidence before the linker decides").register(registry));
    }

    /** Meters that go nowhere. */
    public static MatcherMeters none() {
        return new MatcherMeters(new CompositeMeterRegistry());
    }

    public void event(IdentityState state) {
        Counter counter = events.get(state);
        if (counter != null) {
            counter.increment();
        }
        if (state == IdentityState.IDENTITY_MATCHED) {
            links.increment();
        } else if (state == IdentityState.IDENTITY_CORRECTED) {
            corrections.increment();
        }
    }

    /** What one linker task holds now. */
    public void task(String task, int taskIdentities, int taskPending) {
        identities.put(task, taskIdentities);
        pending.put(task, taskPending);
    }

    /** A task that closes (moved to another instance) no longer counts here. */
    public void taskClosed(String task) {
        identities.remove(task);
        pending.remove(task);
    }

    private static double sum(Map<String, Integer> perTask) {
        return perTask.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String label(IdentityState state) {
        return state.name().substring("IDENTITY_".length()).toLowerCase(Locale.ROOT);
    }

    private <M extends Meter> M keep(M meter) {
        return owned.keep(meter);
    }

    @Override
    public void close() {
        owned.close();
    }
}
