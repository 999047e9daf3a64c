package io.crossview.deploy.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * {@code /metrics} in Prometheus' text format, {@code /health/live} and {@code /health/ready}:
 * 200 with {@code {"status":"up"}}, or 503 with {@code {"status":"down"}}. The management server
 * of every stage and the demo's console both serve them.
 */
public final class ManagementRoutes {
    public static final String METRICS = "/metrics";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    /** Prometheus' text exposition format, version 0.0.4. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private ManagementRoutes() {
    }

    public static void add(JavalinConfig config, PrometheusMeterRegistry registry, Health health) {
        config.routes.get(METRICS, ctx -> ctx.contentType(TEXT_FORMAT).result(registry.scrape()));
        config.routes.get(LIVE, ctx -> answer(ctx, health.live()));
        config.routes.get(READY, ctx -> answer(ctx, health.ready()));
    }

    /** Health is no secret, and probes carry no token. */
    public static boolean open(String path) {
        return path.equals(LIVE) || path.equals(READY);
    }

    private static void answer(Context ctx, BooleanSupplier check) {
        boolean up;
        try {
            up = check.getAsBoolean();
        } catch (RuntimeException e) {
            up = false;
        }
        ctx.status(up ? 200 : 503).json(java.util.Map.of("status", up ? "up" : "down"));
    }
}
