package io.crossview.deploy.metrics;

import io.crossview.common.kafka.StageLoop;
import io.crossview.matcher.metrics.MatcherMeters;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The one Prometheus registry of this process: every stage it runs counts on it (so the
 * one-process demo shows all of them on one page), with the JVM's own meters beside them.
 */
public final class ProcessMetrics {
    private static final PrometheusMeterRegistry REGISTRY = create();
    private static final MatcherMeters MATCHER = new MatcherMeters(REGISTRY);

    private ProcessMetrics() {
    }

    public static PrometheusMeterRegistry registry() {
        return REGISTRY;
    }

    /** What every matcher of this process counts on; its tasks add and remove themselves. */
    public static MatcherMeters matcher() {
        return MATCHER;
    }

    /** How a stage loop of this process meters itself. */
    public static StageLoop.Metering stage(boolean keysAreCameras, Supplier<String> model) {
        return new StageLoop.Metering(REGISTRY, keysAreCameras, model);
    }

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // its GC listener lives as long as the process, as the registry does
        new JvmGcMetrics().bindTo(registry);
        // what the stages cannot be handed a registry in (Kafka Streams' handlers) counts on the global one
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        return registry;
    }
}
