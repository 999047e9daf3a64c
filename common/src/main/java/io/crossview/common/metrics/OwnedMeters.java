package io.crossview.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The meters one component registered, removed again when it closes: a stage started again in
 * the same process then registers afresh instead of finding its predecessor's gauges.
 */
public final class OwnedMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    public OwnedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** {@code meter}, now owned: closing removes it from the registry. */
    public <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    /** Removes one owned meter now (a gauge whose tag changed). */
    public void drop(Meter meter) {
        registry.remove(meter);
        meters.remove(meter);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
