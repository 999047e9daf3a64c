package io.crossview.ingest.live;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.CameraState;
import io.crossview.common.wire.CameraStatus;
import io.crossview.common.wire.Frame;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.config.IngestSettings;
import io.crossview.ingest.publish.FrameEncoder;
import io.crossview.ingest.publish.FrameEncoding;
import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.publish.StageTimes.Step;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceException;
import io.crossview.ingest.source.SourceFrame;
import io.crossview.ingest.timing.SequenceStore.CameraSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Grabs one camera for as long as ingest runs: opens its source, samples, stamps each
 * picture with the wall clock and the camera's next sequence number, encodes it and queues
 * it; reconnects with backoff when a live source fails, ends, or stalls, and reports every
 * change of state.
 */
final class CameraWorker implements Runnable {
    private final CameraConfig camera;
    private final IngestSettings settings;
    private final SourceOpener opener;
    private final CameraSequence sequence;
    private final FrameQueue queue;
    private final StatusSink status;
    private final StageTimes times;
    private final LongSupplier clock;
    private final CameraCounters counters;
    private final Backoff backoff;
    private final CameraView view;
    private final FrameEncoding encoding;
    private final FrameEncoder encoder;
    private final byte[] key;
    private final long framePeriodMs;
    private long longWaitMs;
    private long longWaitEndMs = Long.MIN_VALUE / 2;
    private final Object sleeper = new Object();
    private volatile boolean running = true;

    CameraWorker(CameraConfig camera, IngestSettings settings, SourceOpener opener, CameraSequence sequence,
                 FrameQueue queue, StatusSink status, StageTimes times, LongSupplier clock, CameraCounters counters) {
        this.camera = camera;
        this.settings = settings;
        this.opener = opener;
        this.sequence = sequence;
        this.queue = queue;
        this.status = status;
        this.times = times;
        this.clock = clock;
        this.counters = counters;
        this.backoff = new Backoff(settings.reconnectInitialMs(), settings.reconnectMaxMs(), settings.reconnectJitter());
        this.view = CameraView.whole(camera.id(), camera.site());
        this.encoding = new FrameEncoding(camera.jpegQuality(), camera.maxWidth(), camera.maxHeight());
        this.encoder = new FrameEncoder(times);
        this.key = camera.id().getBytes(StandardCharsets.UTF_8);
        this.framePeriodMs = Math.round(1000 / camera.fps());
    }

    /** Why a connection ended. */
    private enum End { FILE_ENDED, STREAM_ENDED, STOPPED }

    @Override
    public void run() {
        int attempt = 0;
        try {
            while (running) {
                attempt++;
                report(CameraState.CAMERA_CONNECTING, "", attempt, 0);
                String reason;
                try (FrameSource source = opener.open(camera, settings.readTimeoutMs())) {
                    report(CameraState.CAMERA_CONNECTED, source.width() + "x" + source.height() + " at "
                            + Math.round(source.sourceFps() * 100) / 100.0 + " fps", attempt, 0);
                    long before = counters.grabbed.get();
                    End end = stream(source);
                    if (counters.grabbed.get() > before) {
                        attempt = 0;
                    }
                    if (end == End.STOPPED) {
                        break;
                    }
                    if (end == End.FILE_ENDED) {
                        if (camera.loop()) {
                            attempt = 0;
                            continue;
                        }
                        report(CameraState.CAMERA_STOPPED, "end of file", attempt, 0);
                        return;
                    }
                    if (timedOut()) {
                        // a server that went silent with the connection open: the read timed out
                        reason = "no data for " + seconds(Math.max(longWaitMs, silentFor())) + " (read timeout)";
                        if (counters.state != CameraState.CAMERA_STALLED) {
                            report(CameraState.CAMERA_STALLED, reason, attempt, 0);
                        }
                    } else {
                        reason = "stream ended";
                    }
                } catch (SourceException e) {
                    if (e.permanent()) {
                        report(CameraState.CAMERA_FAILED, e.getMessage(), attempt, 0);
                        return;
                    }
                    reason = e.getMessage();
                } catch (IOException | RuntimeException e) {
                    reason = String.valueOf(e.getMessage());
                }
                if (!running) {
                    break;
                }
                if (settings.reconnectAttempts() > 0 && attempt >= settings.reconnectAttempts()) {
                    report(CameraState.CAMERA_FAILED, reason + "; gave up after " + attempt + " attempts", attempt, 0);
                    return;
                }
                long delay = backoff.delayMs(attempt, () -> ThreadLocalRandom.current().nextDouble());
                counters.reconnects.incrementAndGet();
                report(CameraState.CAMERA_RECONNECTING, reason, attempt, delay);
                pause(delay);
            }
            report(CameraState.CAMERA_STOPPED, "ingest stopped", attempt, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report(CameraState.CAMERA_STOPPED, "ingest stopped", attempt, 0);
        }
    }

    /** Reads pictures until the source ends or ingest stops. */
    private End stream(FrameSource source) throws IOException, InterruptedException {
        boolean live = camera.source().kind().live();
        long startWall = clock.getAsLong();
        long firstPts = Long.MIN_VALUE;
        counters.lastPictureMs = startWall;
        while (running) {
            long cpu = StageTimes.cpuNow();
            long waitStart = clock.getAsLong();
            Optional<SourceFrame> next = source.next();
            times.add(Step.DECODE, cpu);
            long waited = clock.getAsLong() - waitStart;
            if (waited >= settings.readTimeoutMs() / 2) {
                longWaitMs = waited;
                longWaitEndMs = waitStart + waited;
            }
            if (next.isEmpty()) {
                return live ? End.STREAM_ENDED : End.FILE_ENDED;
            }
            SourceFrame picture = next.get();
            if (!live) {
                // files and registered sources (the synthetic world) play at their own pace, as a camera would; one
                // that fell behind (a slow decode, a busy CPU) goes on from now rather than
                // bursting to catch up, as a camera's frames never come early
                firstPts = firstPts == Long.MIN_VALUE ? picture.sourcePtsMs() : firstPts;
                long due = startWall + picture.sourcePtsMs() - firstPts;
                long late = clock.getAsLong() - due;
                if (late > framePeriodMs) {
                    startWall += late;
                } else {
                    sleepUntil(due);
                }
            }
            long captureMs = clock.getAsLong();
            if (counters.state == CameraState.CAMERA_STALLED) {
                report(CameraState.CAMERA_CONNECTED, "pictures again after " + seconds(captureMs - counters.lastPictureMs),
                        0, 0);
            }
            counters.lastPictureMs = captureMs;
            counters.grabbed.incrementAndGet();
            long seq = sequence.next();
            if (queue.refusesNext()) {
                continue;
            }
            Frame frame = encoder.encode(picture, source, view, encoding, camera.jpegQuality(), seq, captureMs);
            cpu = StageTimes.cpuNow();
            queue.offer(new OutgoingFrame(key, frame.toByteArray(), captureMs));
            times.add(Step.PRODUCE, cpu);
            times.countFrame();
        }
        return End.STOPPED;
    }

    /** Called about once a second from another thread: a connected camera silent too long is stalled. */
    void checkStall(long nowMs) {
        if (counters.state == CameraState.CAMERA_CONNECTED && nowMs - counters.lastPictureMs >= settings.stallTimeoutMs()) {
            report(CameraState.CAMERA_STALLED, "no picture for " + seconds(nowMs - counters.lastPictureMs), 0, 0);
        }
    }

    /**
     * Whether the stream ended because a read timed out. FFmpeg reports that like the end of
     * the stream, and the decoder first flushes the pictures it holds, so the sign is a read
     * that blocked about a read timeout just before the end, or silence that long.
     */
    private boolean timedOut() {
        long now = clock.getAsLong();
        return now - longWaitEndMs < 1_000 || now - counters.lastPictureMs >= settings.readTimeoutMs() / 2;
    }

    private long silentFor() {
        return clock.getAsLong() - counters.lastPictureMs;
    }

    private synchronized void report(CameraState state, String reason, int attempt, long retryInMs) {
        counters.state = state;
        status.report(CameraStatus.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setCamera(camera.id())
                .setSite(camera.site())
                .setState(state)
                .setUrl(camera.source().masked())
                .setReason(camera.source().scrub(reason))
                .setAttempt(attempt)
                .setAtMs(clock.getAsLong())
                .setRetryInMs(retryInMs)
                .setFramesPublished(counters.published.get())
                .setFramesDropped(queue.dropped())
                .build());
    }

    private void sleepUntil(long wallMs) throws InterruptedException {
        long delay = wallMs - clock.getAsLong();
        if (delay > 0) {
            pause(delay);
        }
    }

    private void pause(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        synchronized (sleeper) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                sleeper.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Ends the worker after the current read; a read in progress ends within the read timeout. */
    void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    CameraReport snapshot() {
        return new CameraReport(camera.id(), counters.state, counters.grabbed.get(), counters.published.get(),
                queue.dropped(), counters.failed.get(), counters.reconnects.get(), queue.size());
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
