package io.crossview.ingest.live;

import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.publish.StageTimes.Step;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one camera's queued frames to the producer, never more unacknowledged bytes (over
 * all cameras) than the in-flight budget: when the broker is slow this thread waits, the
 * queue fills and the drop policy takes over, so memory stays bounded.
 */
final class FrameSender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameSender.class);

    private final String camera;
    private final FrameQueue queue;
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Semaphore inFlightKib;
    private final int maxKib;
    private final CameraCounters counters;
    private final StageTimes times;
    private volatile boolean running = true;

    FrameSender(String camera, FrameQueue queue, Producer<byte[], byte[]> producer, String topic, Semaphore inFlightKib,
                int maxKib, CameraCounters counters, StageTimes times) {
        this.maxKib = maxKib;
        this.camera = camera;
        this.queue = queue;
        this.producer = producer;
        this.topic = topic;
        this.inFlightKib = inFlightKib;
        this.counters = counters;
        this.times = times;
    }

    @Override
    public void run() {
        try {
            while (running || queue.size() > 0) {
                OutgoingFrame frame = queue.take(200);
                if (frame != null) {
                    send(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(OutgoingFrame frame) throws InterruptedException {
        // a frame larger than the whole budget waits until nothing else is in flight
        int kib = Math.min(maxKib, Math.max(1, frame.value().length / 1024));
        inFlightKib.acquire(kib);
        long cpu = StageTimes.cpuNow();
        try {
            // The record timestamp is the capture time: a time range of the recording is then
            // found with offsetsForTimes, and replayed frames keep it.
            producer.send(new ProducerRecord<>(topic, null, frame.captureMs(), frame.key(), frame.value()),
                    (metadata, error) -> {
                        inFlightKib.release(kib);
                        if (error == null) {
                            counters.published.incrementAndGet();
                        } else if (counters.failed.incrementAndGet() % 100 == 1) {
                            LOG.warn("camera {}: frames not delivered ({} so far): {}", camera, counters.failed.get(),
                                    error.getMessage());
                        }
                    });
        } catch (KafkaException e) {
            inFlightKib.release(kib);
            if (counters.failed.incrementAndGet() % 100 == 1) {
                LOG.warn("camera {}: frames not sent ({} so far): {}", camera, counters.failed.get(), e.getMessage());
            }
        }
        times.add(Step.PRODUCE, cpu);
    }

    /** Sends what is queued, then ends. */
    void stop() {
        running = false;
    }
}
