package io.crossview.ingest.live;

import io.crossview.common.topics.Topics;
import io.crossview.common.wire.CameraState;
import io.crossview.common.wire.CameraStatus;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes camera state changes to the camera-status topic and logs each as one line. */
public final class KafkaStatusSink implements StatusSink {
    private static final Logger LOG = LoggerFactory.getLogger("io.crossview.ingest.camera");

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public KafkaStatusSink(Producer<byte[], byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topic = topics.cameraStatus().name();
    }

    @Override
    public void report(CameraStatus status) {
        String line = line(status);
        if (status.getState() == CameraState.CAMERA_FAILED || status.getState() == CameraState.CAMERA_RECONNECTING
                || status.getState() == CameraState.CAMERA_STALLED) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
        try {
            producer.send(new ProducerRecord<>(topic, null, status.getAtMs(),
                    status.getCamera().getBytes(StandardCharsets.UTF_8), status.toByteArray()));
        } catch (KafkaException e) {
            LOG.warn("camera {}: status not published: {}", status.getCamera(), e.getMessage());
        }
    }

    /** {@code camera lobby (rtsp://admin:***@cam/1): reconnecting in 2.0 s, attempt 3: stream ended}. */
    public static String line(CameraStatus status) {
        StringBuilder line = new StringBuilder("camera ").append(status.getCamera()).append(" (").append(status.getUrl())
                .append("): ").append(status.getState().name().substring("CAMERA_".length()).toLowerCase(java.util.Locale.ROOT));
        if (status.getRetryInMs() > 0) {
            line.append(String.format(java.util.Locale.ROOT, " in %.1f s", status.getRetryInMs() / 1000.0));
        }
        if (status.getAttempt() > 1) {
            line.append(", attempt ").append(status.getAttempt());
        }
        if (!status.getReason().isEmpty()) {
            line.append(": ").append(status.getReason());
        }
        return line.toString();
    }
}
