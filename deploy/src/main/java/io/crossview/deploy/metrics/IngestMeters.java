package io.crossview.deploy.metrics;

import io.crossview.common.metrics.MeterNames;
import io.crossview.common.wire.CameraState;
import io.crossview.ingest.live.CameraReport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A live ingest's cameras on Prometheus: frames published, frames dropped or not delivered,
 * whether each is connected, and the frames per second it published since the previous scrape.
 */
public final class IngestMeters {
    private final Supplier<List<CameraReport>> cameras;
    private final Map<String, Rate> rates = new ConcurrentHashMap<>();

    private IngestMeters(Supplier<List<CameraReport>> cameras) {
        this.cameras = cameras;
    }

    /** Registers the meters of every camera {@code cameras} reports now (a live ingest's set is fixed). */
    public static IngestMeters bind(MeterRegistry registry, Supplier<List<CameraReport>> cameras) {
        IngestMeters meters = new IngestMeters(cameras);
        for (CameraReport camera : cameras.get()) {
            String id = camera.camera();
            FunctionCounter.builder(MeterNames.CAMERA_FRAMES, meters, m -> m.of(id, CameraReport::published))
                    .tag("camera", id).description("frames the broker acknowledged").register(registry);
            FunctionCounter.builder(MeterNames.CAMERA_DROPS, meters, m -> m.of(id, c -> c.dropped() + c.failed()))
                    .tag("camera", id).description("frames dropped while Kafka was slow, or not delivered")
                    .register(registry);
            Gauge.builder(MeterNames.CAMERA_UP, meters, m -> m.of(id, c -> c.state() == CameraState.CAMERA_CONNECTED ? 1 : 0))
                    .tag("camera", id).description("1 while the camera is connected and giving pictures").register(registry);
            Gauge.builder(MeterNames.CAMERA_FPS, meters, m -> m.fps(id))
                    .tag("camera", id).description("frames per second published since the previous read").register(registry);
        }
        return meters;
    }

    private double of(String camera, ToDoubleFunction<CameraReport> value) {
        return cameras.get().stream().filter(c -> c.camera().equals(camera)).mapToDouble(value).findFirst().orElse(0);
    }

    private double fps(String camera) {
        return rates.computeIfAbsent(camera, c -> new Rate()).at(System.nanoTime(), of(camera, CameraReport::published));
    }

    /** Frames per second between two reads at least a second apart. */
    private static final class Rate {
        private long lastNanos = -1;
        private double lastCount;
        private double rate;

        synchronized double at(long nanos, double count) {
            if (lastNanos < 0) {
                lastNanos = nanos;
                lastCount = count;
            } else if (nanos - lastNanos >= 1_000_000_000L) {
                rate = (count - lastCount) / ((nanos - lastNanos) / 1e9);
                lastNanos = nanos;
                lastCount = count;
            }
            return rate;
        }
    }
}
