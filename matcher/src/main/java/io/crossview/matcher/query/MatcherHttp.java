package io.crossview.matcher.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crossview.common.image.BadImageException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.RateLimitPlugin;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher's query API over HTTP (Javalin): identity timelines, a camera's live tracks, and
 * search by appearance. Every error is JSON {@code {"error": "..."}}: 400 for a bad request, 404
 * for what no instance knows, 503 while the answer cannot be had (starting, rebalancing, a peer
 * down), never a stack trace.
 *
 * <p>It starts before the Streams instance it serves, since that instance must be told the
 * bound port ({@code application.server}); until {@link #serve} every query answers 503.
 */
public final class MatcherHttp implements AutoCloseable {
    public static final int DEFAULT_K = 10;
    private static final Logger LOG = LoggerFactory.getLogger(MatcherHttp.class);
    private static final MatcherQueries STARTING = new Starting();

    private volatile MatcherQueries queries = STARTING;
    private final HttpAccess access;
    private Javalin app;

    public MatcherHttp(HttpAccess access) {
        this.access = java.util.Objects.requireNonNull(access, "access");
    }

    /** Loopback only, no token. */
    public MatcherHttp() {
        this(HttpAccess.LOCAL);
    }

    /** Binds the access's address on {@code port} (0 picks a free one, see {@link #port()}). */
    public MatcherHttp start(int port) {
        if (app != null) {
            throw new IllegalStateException("the query server is already started");
        }
        Javalin created = Javalin.create(this::configure);
        try {
            created.start(access.host(), port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the query server cannot listen on " + access.host() + ":" + port + ": "
                    + e.getMessage(), e);
        }
        app = created;
        LOG.info("query API listening on {}:{}, {}", access.host(), app.port(), access);
        return this;
    }

    public HttpAccess access() {
        return access;
    }

    /** The port it listens on. */
    public int port() {
        if (app == null) {
            throw new IllegalStateException("the query server is not started");
        }
        return app.port();
    }

    /** From now on answers from {@code served}. */
    public void serve(MatcherQueries served) {
        this.queries = java.util.Objects.requireNonNull(served, "queries");
    }

    public void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.jsonMapper(new JavalinJackson(QueryJson.MAPPER, false));
        config.registerPlugin(new RateLimitPlugin());
        config.routes.before(ctx -> {
            if (!access.admits(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw QueryException.unauthorized();
            }
        });
        config.routes.get("/identities/{id}/timeline", ctx -> ctx.json(queries.timeline(identity(ctx), local(ctx))));
        config.routes.get("/cameras/{camera}/tracks",
                ctx -> ctx.json(queries.cameraTracks(ctx.pathParam("camera"), local(ctx))));
        config.routes.get("/cameras/{camera}/links",
                ctx -> ctx.json(queries.cameraLinks(ctx.pathParam("camera"), local(ctx))));
        config.routes.get("/calibration", ctx -> ctx.json(queries.calibrations(local(ctx))));
        config.routes.post("/search", this::search);

        config.routes.exception(QueryException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        config.routes.exception(InvalidStateStoreException.class, (e, ctx) ->
                error(ctx, 503, "the matcher's stores cannot be read now (rebalancing?): " + e.getMessage()));
        config.routes.exception(BadImageException.class, (e, ctx) ->
                error(ctx, 400, "the body is not a decodable picture: " + e.getMessage()));
        config.routes.exception(JsonProcessingException.class, (e, ctx) ->
                error(ctx, 400, "the body is not a search query: " + e.getOriginalMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("query {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e);
        });
    }

    /** JSON {@code {"vector": [...], "model_version": "..."}}, or a picture (any other content type) to embed first. */
    private void search(Context ctx) throws IOException {
        // peers fan a client's one search out to every instance: only the client's own request counts
        if (access.searchesPerMinute() > 0 && !local(ctx)) {
            ctx.with(RateLimitPlugin.class).requestPerTimeUnit(access.searchesPerMinute(), TimeUnit.MINUTES);
        }
        int k = intParam(ctx, "k", DEFAULT_K);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            Embedded query = QueryJson.MAPPER.readValue(ctx.bodyAsBytes(), Embedded.class);
            if (query == null) {
                throw QueryException.badRequest("the body is empty: send {\"vector\": [...], \"model_version\": \"...\"}");
            }
            ctx.json(queries.search(query, k, local(ctx)));
        } else if (local(ctx)) {
            throw QueryException.badRequest("instances ask one another with vectors, not pictures");
        } else {
            ctx.json(queries.searchPicture(ctx.bodyAsBytes(), k));
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(new ErrorBody(message == null ? "error " + status : message));
    }

    private static long identity(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw QueryException.badRequest("identity ids are numbers, not " + id);
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw QueryException.badRequest(name + " must be a whole number, not " + value);
        }
    }

    private static boolean local(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("local"));
    }

    /** The body of every error answer. */
    record ErrorBody(String error) {
    }

    /** Before the Streams instance is there. */
    private static final class Starting implements MatcherQueries {
        private static QueryException starting() {
            return QueryException.unavailable("the matcher is starting", null);
        }

        @Override
        public Timeline timeline(long identity, boolean local) {
            throw starting();
        }

        @Override
        public CameraTracksView cameraTracks(String camera, boolean local) {
            throw starting();
        }

        @Override
        public CameraLinks cameraLinks(String camera, boolean local) {
            throw starting();
        }

        @Override
        public SearchResults search(Embedded query, int k, boolean local) {
            throw starting();
        }

        @Override
        public SearchResults searchPicture(byte[] jpeg, int k) {
            throw starting();
        }

        @Override
        public ModelCalibrations calibrations(boolean local) {
            throw starting();
        }
    }
}
