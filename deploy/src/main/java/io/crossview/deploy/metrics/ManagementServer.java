package io.crossview.deploy.metrics;

import io.crossview.matcher.query.HttpAccess;
import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stage's management port: its metrics and health, on loopback unless told otherwise; off
 * loopback {@code /metrics} needs the bearer token (Prometheus sends it with
 * {@code authorization: credentials_file}), while the health endpoints stay open to probes.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final Javalin app;

    private ManagementServer(Javalin app) {
        this.app = app;
    }

    /** Listens on {@code port} (0 picks a free one) of the access's address. */
    public static ManagementServer start(String stage, HttpAccess access, int port, PrometheusMeterRegistry registry,
                                         Health health) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.before(ctx -> {
                if (!ManagementRoutes.open(ctx.path()) && !access.admits(ctx.header("Authorization"))) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw new UnauthorizedResponse("a bearer token is needed");
                }
            });
            ManagementRoutes.add(config, registry, health);
        });
        try {
            app.start(access.host(), port);
        } catch (RuntimeException e) {
            throw new IllegalStateException(stage + ": the management port cannot listen on " + access.host() + ":"
                    + port + ": " + e.getMessage(), e);
        }
        LOG.info("{}: metrics and health on {}:{}, {}", stage, access.host(), app.port(), access);
        return new ManagementServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
