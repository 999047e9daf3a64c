package io.crossview.deploy.console;

import io.crossview.common.wire.IdentityEvent;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells every open live page, by server-sent events, when a camera has a newer tile: the
 * camera, its frame, the identities in it and the camera's fps.
 */
final class TileEvents implements AutoCloseable {
    static final long EVERY_MS = 250;

    /** One tile event's JSON body. */
    record TileEvent(String camera, long seq, List<Long> ids, String fps, long frames) {
    }

    private final CameraTiles tiles;
    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "console-tiles");
        thread.setDaemon(true);
        return thread;
    });

    TileEvents(CameraTiles tiles) {
        this.tiles = tiles;
        timer.scheduleWithFixedDelay(this::tick, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        tiles.cameras().forEach(camera -> send(client, event(camera)));
    }

    private void tick() {
        for (String camera : tiles.cameras()) {
            TileEvent event = event(camera);
            if (event == null || Long.valueOf(event.seq()).equals(sent.put(camera, event.seq()))) {
                continue;
            }
            clients.forEach(client -> send(client, event));
        }
    }

    private TileEvent event(String camera) {
        CameraTiles.Tile tile = tiles.latest(camera);
        if (tile == null) {
            return null;
        }
        CameraTiles.Figures figures = tiles.figures(camera);
        return new TileEvent(camera, tile.seq(), ids(tile.events()), String.format(Locale.ROOT, "%.1f", figures.fps()),
                figures.frames());
    }

    static List<Long> ids(List<IdentityEvent> events) {
        return events.stream().mapToLong(IdentityEvent::getIdentityId).filter(id -> id != 0).distinct().sorted()
                .boxed().toList();
    }

    private void send(SseClient client, TileEvent event) {
        if (event == null) {
            return;
        }
        try {
            client.sendEvent("tile", event);
        } catch (RuntimeException gone) {
            clients.remove(client);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
