package io.crossview.deploy.console;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.metrics.Health;
import io.crossview.deploy.metrics.ManagementRoutes;
import io.crossview.deploy.metrics.ProcessMetrics;
import io.crossview.matcher.query.HttpAccess;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.RateLimitPlugin;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: live camera tiles with identity ids, identity pages with their timeline and
 * crops, search by picture, camera health, and models. Server-rendered from the topics (read by
 * its own feed) and the matcher's query API; same security as the query API: loopback unless
 * told otherwise, and then a bearer token (a header, or the cookie {@code /login} sets).
 */
public final class ConsoleServer implements AutoCloseable {
    static final String COOKIE = "crossview_token";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final ConsoleState state;
    private final ConsoleFeed feed;
    private final Thread feedThread;
    private final TileEvents tileEvents;
    private final HttpAccess access;
    private final ConsolePages pages;
    private final Javalin app;

    /**
     * Starts reading the topics and serving.
     *
     * @param health what else its {@code /health} endpoints answer for besides its own feed (the demo's stages)
     */
    public static ConsoleServer start(KafkaConnection kafka, Topics topics, ConsoleSettings settings, Health health) {
        return new ConsoleServer(kafka, topics, settings, health);
    }

    private ConsoleServer(KafkaConnection kafka, Topics topics, ConsoleSettings settings, Health health) {
        this.access = settings.access();
        this.state = new ConsoleState(settings.keptFrames());
        MatcherClient matcher = new MatcherClient(settings.matcherUrl(), settings.matcherAuthorization());
        this.feed = new ConsoleFeed(kafka, topics, state);
        this.tileEvents = new TileEvents(state.tiles);
        this.pages = new ConsolePages(state, matcher, new Templates());
        this.feedThread = new Thread(feed, "console-feed");
        feedThread.setDaemon(true);
        feedThread.start();
        this.app = Javalin.create(config -> configure(config, health));
        int port = settings.port();
        try {
            app.start(access.host(), port);
        } catch (RuntimeException e) {
            feed.close();
            tileEvents.close();
            throw new IllegalStateException("the console cannot listen on " + access.host() + ":" + port + ": "
                    + e.getMessage(), e);
        }
        LOG.info("console on {}, over the query API at {}, {}", url(), matcher.base(), access);
    }

    /** Where it answers, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return "http://" + access.host() + ":" + app.port();
    }

    public int port() {
        return app.port();
    }

    private void configure(JavalinConfig config, Health health) {
        config.startup.showJavalinBanner = false;
        config.jsonMapper(new JavalinJackson());
        config.registerPlugin(new RateLimitPlugin());
        config.routes.before(this::admit);
        config.routes.get("/", ctx -> ctx.html(pages.live()));
        config.routes.get("/identities", ctx -> ctx.html(pages.identities()));
        config.routes.get("/identities/{id}", ctx -> ctx.html(pages.identity(ctx, id(ctx))));
        config.routes.get("/identities/{id}/thumbnails/{n}.jpg", ctx -> pages.thumbnail(ctx, id(ctx)));
        config.routes.get("/search", ctx -> ctx.html(pages.searchForm()));
        config.routes.post("/search", this::search);
        config.routes.get("/cameras", ctx -> ctx.html(pages.cameras()));
        config.routes.get("/cameras/{camera}/latest.jpg", ctx -> pages.latestTile(ctx, ctx.pathParam("camera")));
        config.routes.get("/models", ctx -> ctx.html(pages.models()));
        config.routes.get("/models/{version}/curve.png", ctx -> pages.curve(ctx, ctx.pathParam("version")));
        config.routes.get("/login", ctx -> ctx.html(pages.login(null)));
        config.routes.post("/login", this::login);
        config.routes.get("/console.css", ctx -> resource(ctx, "console/console.css", "text/css"));
        config.routes.get("/live.js", ctx -> resource(ctx, "console/live.js", "text/javascript"));
        config.routes.sse("/events", tileEvents::join);
        ManagementRoutes.add(config, ProcessMetrics.registry(), health.both(new Health(this::feedAlive, () -> true)));
        config.routes.exception(NumberFormatException.class, (e, ctx) ->
                ctx.status(400).html(pages.error("Identity ids are numbers.")));
        config.routes.exception(MatcherClient.Unavailable.class, (e, ctx) ->
                ctx.status(e.status == 404 ? 404 : 503).html(pages.error(e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("console {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).html(pages.error("Something went wrong: " + e.getMessage()));
        });
    }

    private void admit(Context ctx) {
        String path = ctx.path();
        if (ManagementRoutes.open(path) || path.equals("/login") || path.equals("/console.css")) {
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (access.admits(ctx.header("Authorization")) || (cookie != null && access.admits("Bearer " + cookie))) {
            return;
        }
        if ("GET".equals(ctx.method().name()) && !path.equals(ManagementRoutes.METRICS)) {
            ctx.redirect("/login");
        } else {
            ctx.header("WWW-Authenticate", "Bearer").status(401).result("a bearer token is needed");
        }
        ctx.skipRemainingHandlers();
    }

    private void login(Context ctx) {
        String token = ctx.formParam("token");
        if (token == null || !access.admits("Bearer " + token.trim())) {
            ctx.status(401).html(pages.login("That is not the token."));
            return;
        }
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token.trim() + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.redirect("/");
    }

    private void search(Context ctx) throws IOException, InterruptedException {
        if (access.searchesPerMinute() > 0) {
            ctx.with(RateLimitPlugin.class).requestPerTimeUnit(access.searchesPerMinute(), java.util.concurrent.TimeUnit.MINUTES);
        }
        ctx.html(pages.search(ctx.uploadedFile("picture"), ctx.formParam("k")));
    }

    private static long id(Context ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                ctx.status(404);
                return;
            }
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    /** Whether its feed still reads the topics (it stops only on a fatal error, such as a refused ACL). */
    public boolean feedAlive() {
        return feedThread.isAlive();
    }

    /** What the console's own feed could not read. */
    public long unreadable() {
        return feed.unreadable();
    }

    @Override
    public void close() {
        feed.close();
        tileEvents.close();
        app.stop();
        try {
            feedThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
