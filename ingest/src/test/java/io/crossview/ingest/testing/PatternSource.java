package io.crossview.ingest.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.crossview.common.wire.Box;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceFrame;
import io.crossview.ingest.source.Sources;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A test camera that ingest's tests register as {@code pattern://NAME?frames=N&fps=F&width=W&height=H}
 * (defaults 20 frames at 10 fps, 640x480): it plays like a video file (frame numbers and times
 * from 0) a noisy gradient with one bright box moving across it, the box being its ground truth.
 * The noise makes JPEGs of a real camera's size (some 40 KB at 640x480), which the in-flight
 * budgets of the live runtime's tests count on. Same url, same pictures.
 */
public final class PatternSource implements FrameSource {
    public static final String SCHEME = "pattern";

    private final String name;
    private final int frames;
    private final double fps;
    private final int width;
    private final int height;
    private final int step;
    private final Mat picture;
    private final byte[] pixels;
    private int nextFrame;

    private PatternSource(String name, int frames, double fps, int width, int height, double targetFps) {
        if (frames < 1 || !(fps > 0) || width < 16 || height < 16) {
            throw new IllegalArgumentException("a pattern needs frames >= 1, fps > 0 and at least 16x16 pixels");
        }
        this.name = name;
        this.frames = frames;
        this.fps = fps;
        this.width = width;
        this.height = height;
        this.step = targetFps <= 0 ? 1 : (int) Math.max(1, Math.round(fps / targetFps));
        this.picture = new Mat(height, width, CV_8UC3);
        this.pixels = new byte[width * height * 3];
    }

    /** Makes {@code pattern://} urls cameras; registering again is harmless. */
    public static void register() {
        Sources.register(SCHEME, PatternSource::open);
    }

    /** Opens {@code pattern://NAME?...}; bad addresses throw IllegalArgumentException. */
    public static PatternSource open(String url, double targetFps) {
        URI uri = URI.create(url);
        if (!SCHEME.equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a pattern url: " + url);
        }
        Map<String, String> query = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return new PatternSource(uri.getHost(), Integer.parseInt(query.getOrDefault("frames", "20")),
                Double.parseDouble(query.getOrDefault("fps", "10")), Integer.parseInt(query.getOrDefault("width", "640")),
                Integer.parseInt(query.getOrDefault("height", "480")), targetFps);
    }

    /** The url of a pattern camera. */
    public static String url(String name, int frames, double fps, int width, int height) {
        return SCHEME + "://" + name + "?frames=" + frames + "&fps=" + fps + "&width=" + width + "&height=" + height;
    }

    @Override
    public Optional<SourceFrame> next() {
        if (nextFrame >= frames) {
            return Optional.empty();
        }
        int frame = nextFrame;
        nextFrame += step;
        draw(frame);
        return Optional.of(new SourceFrame(picture, Math.round(frame * 1000.0 / fps), frame));
    }

    private void draw(int frame) {
        SplittableRandom random = new SplittableRandom(31L * frame + name.hashCode());
        Box box = box(frame);
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inBox = x >= box.getX() && x < box.getX() + box.getW() && y >= box.getY() && y < box.getY() + box.getH();
                int base = inBox ? 220 : 40 + 140 * x / width;
                for (int c = 0; c < 3; c++) {
                    int v = base + (c - 1) * 20 + random.nextInt(-6, 7);
                    pixels[i++] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        picture.data().put(pixels);
    }

    private Box box(long frame) {
        int w = width / 8;
        int h = height / 2;
        int x = (int) ((frame * 8) % (width - w));
        return Box.newBuilder().setX(x).setY(height / 4f).setW(w).setH(h).setScore(1).setClassId(0).build();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public double sourceFps() {
        return fps;
    }

    @Override
    public int sampleStep() {
        return step;
    }

    @Override
    public long sourceFrames() {
        return frames;
    }

    @Override
    public List<Box> groundTruth(long frameNumber) {
        return frameNumber < 0 || frameNumber >= frames ? List.of() : List.of(box(frameNumber));
    }

    @Override
    public String describe() {
        return url(name, frames, fps, width, height);
    }

    @Override
    public void close() {
        picture.close();
    }
}
