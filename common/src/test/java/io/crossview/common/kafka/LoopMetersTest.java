package io.crossview.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.metrics.MeterNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class LoopMetersTest {
    private static ConsumerRecord<byte[], byte[]> frame(String camera, long timestamp) {
        return new ConsumerRecord<>("frames", 0, 0, timestamp, TimestampType.CREATE_TIME, 0, 0,
                camera.getBytes(StandardCharsets.UTF_8), new byte[0], new RecordHeaders(), java.util.Optional.empty());
    }

    @Test
    void aCommittedBatchCountsItsRecordsItsDeadLettersAndTheLagOfEachCamera() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<String> model = new AtomicReference<>("nanodet@1");
        LoopMeters meters = new LoopMeters("detector", "frames", new StageLoop.Metering(registry, true, model::get));
        long now = System.currentTimeMillis();
        meters.handled(3, 2_000_000);
        meters.committed(List.of(frame("east", now - 1500), frame("west", now - 200), frame("east", now - 500)), 1);

        assertEquals(2, registry.get(MeterNames.STAGE_RECORDS).tag("outcome", "processed").counter().count());
        assertEquals(1, registry.get(MeterNames.STAGE_RECORDS).tag("outcome", "failed").counter().count());
        assertEquals(1, registry.get(MeterNames.DEAD_LETTERS).tag("topic", "frames").counter().count());
        assertEquals(1, registry.get(MeterNames.STAGE_BATCH_LATENCY).timer().count());
        assertEquals(3, registry.get(MeterNames.STAGE_BATCH_SIZE).summary().totalAmount());
        double east = registry.get(MeterNames.CAMERA_LAG).tag("camera", "east").gauge().value();
        assertTrue(east >= 0.5 && east < 1.5, "the lag of the camera's last record: " + east);
        assertTrue(registry.get(MeterNames.CAMERA_LAG).tag("camera", "west").gauge().value() < east);

        model.set("nanodet@2");
        meters.committed(List.of(), 0);
        assertEquals(1, registry.find(MeterNames.MODEL_INFO).gauges().size(), "one model gauge, the new one");
        assertEquals("nanodet@2", registry.get(MeterNames.MODEL_INFO).gauge().getId().getTag("model"));

        meters.close();
        assertNull(registry.find(MeterNames.STAGE_RECORDS).counter(), "closing removes what it registered");
        assertEquals(0, registry.getMeters().size());
    }
}
