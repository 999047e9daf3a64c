package io.crossview.deploy.console;

import io.crossview.common.wire.Frame;
import io.crossview.common.wire.IdentityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The last frames of every camera and the identity events of each: a tile shows the newest
 * frame whose identities have arrived (they come after the frame, by the pipeline's latency).
 */
final class CameraTiles {
    private static final long FPS_WINDOW_MS = 10_000;

    /** A frame with the identities seen in it. */
    record Tile(String camera, long seq, long captureMs, byte[] jpeg, List<IdentityEvent> events) {
    }

    /** What the console itself saw of a camera. */
    record Figures(String camera, long frames, double fps, long lastCaptureMs) {
    }

    private final Map<String, CameraFrames> cameras = new ConcurrentSkipListMap<>();
    private final int kept;

    /** Keeps the last {@code kept} frames of each camera. */
    CameraTiles(int kept) {
        this.kept = kept;
    }

    int kept() {
        return kept;
    }

    void frame(Frame frame) {
        cameras.computeIfAbsent(frame.getRef().getCamera(), c -> new CameraFrames(c, kept)).add(frame);
    }

    void event(IdentityEvent event) {
        CameraFrames camera = cameras.get(event.getFrame().getCamera());
        if (camera != null) {
            camera.event(event);
        }
    }

    List<String> cameras() {
        return List.copyOf(cameras.keySet());
    }

    /** The newest frame with identities in it, else the newest frame; null for a camera never seen. */
    Tile latest(String camera) {
        CameraFrames frames = cameras.get(camera);
        return frames == null ? null : frames.latest();
    }

    /** A kept frame's picture, or null once it has rolled out. */
    byte[] frameJpeg(String camera, long seq) {
        CameraFrames frames = cameras.get(camera);
        return frames == null ? null : frames.jpeg(seq);
    }

    Figures figures(String camera) {
        CameraFrames frames = cameras.get(camera);
        return frames == null ? new Figures(camera, 0, 0, 0) : frames.figures();
    }

    private static final class CameraFrames {
        private final String camera;
        private final int kept;
        private final NavigableMap<Long, Frame> frames = new TreeMap<>();
        private final NavigableMap<Long, List<IdentityEvent>> events = new TreeMap<>();
        private final java.util.ArrayDeque<Long> captures = new java.util.ArrayDeque<>();
        private long count;

        CameraFrames(String camera, int kept) {
            this.camera = camera;
            this.kept = kept;
        }

        synchronized void add(Frame frame) {
            long seq = frame.getRef().getSeq();
            frames.put(seq, frame);
            count++;
            captures.addLast(frame.getRef().getCaptureMs());
            while (captures.size() > 1 && captures.peekLast() - captures.peekFirst() > FPS_WINDOW_MS) {
                captures.removeFirst();
            }
            while (frames.size() > kept) {
                long oldest = frames.pollFirstEntry().getKey();
                events.headMap(oldest, true).clear();
            }
        }

        synchronized void event(IdentityEvent event) {
            long seq = event.getFrame().getSeq();
            if (frames.containsKey(seq)) {
                events.computeIfAbsent(seq, s -> new ArrayList<>()).add(event);
            }
        }

        synchronized Tile latest() {
            Map.Entry<Long, List<IdentityEvent>> annotated = events.lastEntry();
            Frame frame = annotated != null ? frames.get(annotated.getKey()) : frames.lastEntry().getValue();
            List<IdentityEvent> shown = annotated != null ? List.copyOf(annotated.getValue()) : List.of();
            return new Tile(camera, frame.getRef().getSeq(), frame.getRef().getCaptureMs(), frame.getJpeg().toByteArray(),
                    shown);
        }

        synchronized byte[] jpeg(long seq) {
            Frame frame = frames.get(seq);
            return frame == null ? null : frame.getJpeg().toByteArray();
        }

        synchronized Figures figures() {
            double fps = 0;
            if (captures.size() > 1 && captures.peekLast() > captures.peekFirst()) {
                fps = (captures.size() - 1) * 1000.0 / (captures.peekLast() - captures.peekFirst());
            }
            return new Figures(camera, count, fps, captures.isEmpty() ? 0 : captures.peekLast());
        }
    }
}
