package io.crossview.ingest.live;

import io.crossview.common.topics.Topics;
import io.crossview.ingest.config.CameraConfig;
import io.crossview.ingest.config.IngestSettings;
import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.timing.SequenceStore;
import io.crossview.ingest.timing.SequenceStore.CameraSequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * Many live cameras in one process, sharing one producer: per camera a grabbing thread and
 * a sending thread with a bounded queue between them, a shared budget of unacknowledged
 * bytes, and a watchdog that reports stalled cameras.
 */
public final class LiveIngest implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final List<CameraWorker> workers = new ArrayList<>();
    private final List<FrameSender> senders = new ArrayList<>();
    private final List<Thread> grabThreads = new ArrayList<>();
    private final List<Thread> sendThreads = new ArrayList<>();
    private final List<CameraSequence> sequences = new ArrayList<>();
    private final StageTimes times;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-watchdog");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;

    private LiveIngest(Producer<byte[], byte[]> producer, StageTimes times) {
        this.producer = producer;
        this.times = times;
    }

    /**
     * Starts every camera. Fails before starting any if a camera's sequence cannot be
     * opened (another ingest holds it, or the state folder is unwritable).
     */
    public static LiveIngest start(List<CameraConfig> cameras, IngestSettings settings, Producer<byte[], byte[]> producer,
                                   Topics topics, StatusSink status, SourceOpener opener, StageTimes times,
                                   LongSupplier clock) throws IOException {
        LiveIngest ingest = new LiveIngest(producer, times);
        SequenceStore store = new SequenceStore(settings.stateDir());
        int maxKib = (int) Math.min(Integer.MAX_VALUE, settings.maxInFlightBytes() / 1024);
        Semaphore inFlight = new Semaphore(maxKib);
        try {
            for (CameraConfig camera : cameras) {
                ingest.sequences.add(store.open(camera.id()));
            }
        } catch (IOException e) {
            ingest.closeSequences();
            throw e;
        }
        for (int i = 0; i < cameras.size(); i++) {
            CameraConfig camera = cameras.get(i);
            FrameQueue queue = new FrameQueue(settings.queueFrames(), settings.dropPolicy());
            CameraCounters counters = new CameraCounters();
            CameraWorker worker = new CameraWorker(camera, settings, opener, ingest.sequences.get(i), queue, status,
                    times, clock, counters);
            FrameSender sender = new FrameSender(camera.id(), queue, producer, topics.frames().name(), inFlight, maxKib,
                    counters, times);
            ingest.workers.add(worker);
            ingest.senders.add(sender);
            ingest.grabThreads.add(new Thread(worker, "grab-" + camera.id()));
            ingest.sendThreads.add(new Thread(sender, "send-" + camera.id()));
        }
        ingest.sendThreads.forEach(Thread::start);
        ingest.grabThreads.forEach(Thread::start);
        ingest.watchdog.scheduleAtFixedRate(() -> {
            long now = clock.getAsLong();
            ingest.workers.forEach(w -> w.checkStall(now));
        }, 1, 1, TimeUnit.SECONDS);
        return ingest;
    }

    /** Waits until every camera has stopped or failed by itself (never, for live cameras that keep reconnecting). */
    public boolean awaitCameras(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        for (Thread t : grabThreads) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            t.join(left);
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    public List<CameraReport> cameras() {
        return workers.stream().map(CameraWorker::snapshot).toList();
    }

    public StageTimes times() {
        return times;
    }

    /** Stops grabbing, sends what is queued, waits for the broker's acknowledgements. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.shutdownNow();
        workers.forEach(CameraWorker::stop);
        // a read in progress ends within the read timeout
        join(grabThreads, 30_000);
        senders.forEach(FrameSender::stop);
        // a broker that does not answer must not hold shutdown: what is still queued then is lost
        join(sendThreads, 5_000);
        sendThreads.forEach(Thread::interrupt);
        producer.flush();
        closeSequences();
    }

    private static void join(List<Thread> threads, long budgetMs) {
        long deadline = System.currentTimeMillis() + budgetMs;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void closeSequences() {
        for (CameraSequence sequence : sequences) {
            try {
                sequence.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
