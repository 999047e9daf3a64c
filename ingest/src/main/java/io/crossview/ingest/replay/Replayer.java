package io.crossview.ingest.replay;

import io.crossview.common.kafka.DeadLetters;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.topics.Topics;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Republishes a recording into another namespace's frames topic in capture order, key,
 * value and headers unchanged and the capture time as record timestamp, paced at a speed
 * against the recording's clock.
 */
public final class Replayer {
    static final String STAGE = "replay";
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Producer<byte[], byte[]> producer;
    private final Topics target;
    private final Speed speed;
    private final PrintStream progress;

    public Replayer(Producer<byte[], byte[]> producer, Topics target, Speed speed, PrintStream progress) {
        this.producer = producer;
        this.target = target;
        this.speed = speed;
        this.progress = progress;
    }

    /** Replays every selected frame of the reader and waits until Kafka has them all. */
    public ReplaySummary replay(RecordingReader reader) throws Exception {
        Run run = new Run();
        reader.read(run);
        producer.flush();
        Exception failed = run.sendFailure.get();
        if (failed != null) {
            throw new IllegalStateException("could not write to " + target.frames().name() + ": " + failed.getMessage(), failed);
        }
        return new ReplaySummary(run.frames, Set.copyOf(run.cameras), run.firstMs, run.lastMs, run.deadLetters,
                reader.topic(), target.frames().name(), TimeUnit.NANOSECONDS.toMillis(run.lastNanos - run.startNanos));
    }

    private final class Run implements RecordingReader.Visitor {
        long frames;
        long deadLetters;
        long firstMs = Long.MIN_VALUE;
        long lastMs = Long.MIN_VALUE;
        final Set<String> cameras = new HashSet<>();
        long startNanos;
        long nextProgressNanos;
        long lastNanos;
        final AtomicReference<Exception> sendFailure = new AtomicReference<>();

        @Override
        public void frame(RecordedFrame frame) throws InterruptedException {
            long capture = frame.ref().getCaptureMs();
            if (frames == 0) {
                firstMs = capture;
                startNanos = System.nanoTime();
                nextProgressNanos = startNanos + PROGRESS_EVERY_NANOS;
            }
            waitUntil(startNanos + speed.dueNanos(capture - firstMs));
            ConsumerRecord<byte[], byte[]> in = frame.record();
            if (sendFailure.get() != null) {
                return; // the summary reports the failure; sending more would only repeat it
            }
            producer.send(new ProducerRecord<>(target.frames().name(), null, capture, in.key(), in.value(), in.headers()),
                    (metadata, error) -> {
                        if (error != null) {
                            sendFailure.compareAndSet(null, error);
                        }
                    });
            frames++;
            lastMs = capture;
            cameras.add(frame.ref().getCamera());
            long now = System.nanoTime();
            lastNanos = now;
            if (now >= nextProgressNanos) {
                progress.println("replay: " + frames + " frames, capture time " + Instant.ofEpochMilli(capture));
                nextProgressNanos = now + PROGRESS_EVERY_NANOS;
            }
        }

        @Override
        public void undecodable(ConsumerRecord<byte[], byte[]> record, BadMessageException error) {
            producer.send(DeadLetters.of(target.deadLetters(), STAGE, record, error));
            deadLetters++;
        }

        private void waitUntil(long dueNanos) throws InterruptedException {
            for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }
    }
}
