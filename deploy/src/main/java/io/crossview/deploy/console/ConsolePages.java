package io.crossview.deploy.console;

import io.crossview.common.wire.CameraStatus;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.deploy.run.FrameAnnotator;
import io.crossview.matcher.query.SearchHit;
import io.crossview.matcher.query.SearchResults;
import io.crossview.matcher.query.Timeline;
import io.crossview.matcher.query.TimelineEntry;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Each page of the console: what it asks for, and the values its template gets. */
final class ConsolePages {
    static final int SEARCH_K = 10;
    private static final int RECENT = 24;

    private final ConsoleState state;
    private final MatcherClient matcher;
    private final Templates templates;

    ConsolePages(ConsoleState state, MatcherClient matcher, Templates templates) {
        this.state = state;
        this.matcher = matcher;
        this.templates = templates;
    }

    String live() {
        List<Map<String, Object>> cameras = new ArrayList<>();
        for (String camera : state.tiles.cameras()) {
            CameraTiles.Tile tile = state.tiles.latest(camera);
            CameraTiles.Figures figures = state.tiles.figures(camera);
            cameras.add(Map.of("id", camera, "seq", tile.seq(), "ids", TileEvents.ids(tile.events()),
                    "fps", String.format(Locale.ROOT, "%.1f", figures.fps()), "frames", figures.frames()));
        }
        List<Map<String, Object>> recent = state.identities.recent(RECENT).stream().map(ConsolePages::person).toList();
        return templates.render("live", "Live cameras", Map.of("live", true, "cameras", cameras, "recent", recent));
    }

    String identities() {
        List<Map<String, Object>> rows = state.identities.recent(500).stream().map(ConsolePages::person).toList();
        return templates.render("identities", "Identities", Map.of("identitiesPage", true, "identities", rows));
    }

    /** The matcher's timeline of the identity, with the console's crops of it. */
    String identity(Context ctx, long id) throws IOException, InterruptedException {
        Optional<Timeline> timeline = matcher.timeline(id);
        IdentityBook.Summary known = state.identities.summary(id);
        if (timeline.isEmpty() && known == null) {
            ctx.status(404);
            return error("No identity " + id + " is known: it may have been erased, or never existed.");
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("identitiesPage", true);
        scope.put("id", id);
        int thumbnails = known == null ? 0 : known.thumbnails();
        scope.put("thumbnails", IntStream.range(0, thumbnails).mapToObj(i -> Map.of("id", id, "index", i)).toList());
        List<Map<String, Object>> tracklets = new ArrayList<>();
        timeline.ifPresent(t -> t.tracklets().forEach(entry -> tracklets.add(tracklet(entry))));
        scope.put("tracklets", tracklets);
        scope.put("timelineMissing", "The matcher has no timeline of this identity now.");
        List<String> cameras = timeline.map(Timeline::cameras).orElse(known.cameras());
        scope.put("cameras", String.join(" → ", cameras));
        scope.put("first", Templates.time(timeline.map(Timeline::firstSeenMs).orElse(known.firstMs())));
        scope.put("last", Templates.time(timeline.map(Timeline::lastSeenMs).orElse(known.lastMs())));
        return templates.render("identity", "Identity " + id, scope);
    }

    void thumbnail(Context ctx, long id) {
        byte[] jpeg = state.identities.thumbnail(id, Integer.parseInt(ctx.pathParam("n")));
        if (jpeg == null) {
            ctx.status(404);
            return;
        }
        ctx.contentType("image/jpeg").header("Cache-Control", "max-age=60").result(jpeg);
    }

    /** The camera's newest frame that has its identities, with them drawn. */
    void latestTile(Context ctx, String camera) {
        CameraTiles.Tile tile = state.tiles.latest(camera);
        if (tile == null) {
            ctx.status(404);
            return;
        }
        ctx.contentType("image/jpeg").header("Cache-Control", "no-store")
                .result(FrameAnnotator.jpeg(tile.jpeg(), tile.events(), false, 80));
    }

    String searchForm() {
        return templates.render("search", "Search by picture", Map.of("searchPage", true, "k", SEARCH_K));
    }

    String search(UploadedFile picture, String kParam) throws IOException, InterruptedException {
        Map<String, Object> scope = new HashMap<>(Map.of("searchPage", true, "k", SEARCH_K));
        if (picture == null || picture.size() == 0) {
            scope.put("error", "Choose a picture of a person first.");
            return templates.render("search", "Search by picture", scope);
        }
        int k = kParam == null || kParam.isBlank() ? SEARCH_K : Math.max(1, Math.min(50, Integer.parseInt(kParam.trim())));
        byte[] bytes;
        try (var in = picture.content()) {
            bytes = in.readAllBytes();
        }
        SearchResults results;
        try {
            results = matcher.search(bytes, k);
        } catch (MatcherClient.Unavailable e) {
            scope.put("error", e.getMessage());
            return templates.render("search", "Search by picture", scope);
        }
        List<Map<String, Object>> hits = results.hits().stream().map(this::hit).toList();
        scope.putAll(Map.of("searched", true, "count", hits.size(), "hits", hits, "k", k));
        return templates.render("search", "Search by picture", scope);
    }

    String cameras() {
        Map<String, CameraStatus> statuses = state.statuses();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String camera : state.cameras()) {
            CameraTiles.Figures figures = state.tiles.figures(camera);
            CameraStatus status = statuses.get(camera);
            Map<String, Object> row = new HashMap<>();
            row.put("id", camera);
            row.put("state", status == null ? (figures.frames() > 0 ? "sending" : "unknown")
                    : status.getState().name().substring("CAMERA_".length()).toLowerCase(Locale.ROOT));
            row.put("frames", figures.frames());
            row.put("fps", String.format(Locale.ROOT, "%.1f", figures.fps()));
            row.put("published", status == null ? "" : status.getFramesPublished());
            row.put("dropped", status == null ? "" : status.getFramesDropped());
            row.put("last", Templates.time(figures.lastCaptureMs()));
            row.put("reason", status == null ? "" : status.getReason());
            rows.add(row);
        }
        return templates.render("cameras", "Camera health", Map.of("camerasPage", true, "cameras", rows));
    }

    String models() {
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelAnnouncement model : state.models()) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", model.getName());
            row.put("version", model.getVersion());
            row.put("created", Templates.time(model.getCreatedMs()));
            row.put("uri", model.getUri());
            row.put("figures", model.getMetricsMap().entrySet().stream().filter(e -> !e.getKey().startsWith("epoch."))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> Map.of("key", e.getKey(), "value", String.format(Locale.ROOT, "%.4g", e.getValue())))
                    .toList());
            row.put("curve", !TrainingCurve.curves(model).isEmpty());
            models.add(row);
        }
        return templates.render("models", "Models and promotions", Map.of("modelsPage", true, "models", models));
    }

    void curve(Context ctx, String version) throws IOException {
        Optional<ModelAnnouncement> model = state.models().stream().filter(m -> m.getVersion().equals(version)).findFirst();
        if (model.isEmpty() || TrainingCurve.curves(model.get()).isEmpty()) {
            ctx.status(404);
            return;
        }
        ctx.contentType("image/png").result(TrainingCurve.png(model.get(), 640, 360));
    }

    String login(String error) {
        Map<String, Object> scope = new HashMap<>();
        if (error != null) {
            scope.put("error", error);
        }
        return templates.render("login", "Sign in", scope);
    }

    String error(String message) {
        return templates.render("error", "Not available", Map.of("message", message));
    }

    private Map<String, Object> hit(SearchHit hit) {
        IdentityBook.Summary known = state.identities.summary(hit.identity());
        return Map.of("id", hit.identity(), "score", String.format(Locale.ROOT, "%.3f", hit.score()),
                "cameras", String.join(", ", hit.cameras()), "last", Templates.time(hit.lastSeenMs()),
                "thumbnail", known != null && known.thumbnails() > 0);
    }

    private static Map<String, Object> person(IdentityBook.Summary s) {
        return Map.of("id", s.id(), "thumbnail", s.thumbnails() > 0, "cameras", String.join(", ", s.cameras()),
                "first", Templates.time(s.firstMs()), "last", Templates.time(s.lastMs()));
    }

    private static Map<String, Object> tracklet(TimelineEntry entry) {
        return Map.of("camera", entry.camera(), "trackId", entry.trackId(), "from", Templates.time(entry.firstMs()),
                "to", Templates.time(entry.lastMs()), "live", entry.live(),
                "seconds", String.format(Locale.ROOT, "%.1f", (entry.lastMs() - entry.firstMs()) / 1000.0));
    }
}
