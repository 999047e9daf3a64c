package io.crossview.deploy.crops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.kafka.StageLoop;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.stages.Stages;
import io.crossview.deploy.testing.TopicContents;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.CropStoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's intake on a real broker: harvest in, crop store filled, garbage dead-lettered. */
@Tag("integration")
class CropCollectorIT {
    @TempDir
    Path dir;

    @Test
    void harvestedCropsLandInTheStoreOnceEachAndAnUndecodableRecordGoesToDeadLetters() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            Topics topics = new Topics("c.");
            TopicAdmin.ensure(broker.connection(), topics, 1, (short) -1);
            long now = System.currentTimeMillis();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(broker.connection().producer("t"))) {
                for (int i = 0; i < 30; i++) {
                    // 10 pictures, each sent three times: a matcher retrying after a crash
                    HarvestedCrop crop = HarvestedCrop.newBuilder().setSchemaVersion(WireSchema.VERSION)
                            .setFrame(FrameRef.newBuilder().setCamera("cam1").setSite("s").setCaptureMs(now).setSeq(i % 10))
                            .setJpeg(ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) (i % 10)}))
                            .setIdentityId(1 + i % 2).setTrackId(3).setQuality(0.5f).build();
                    producer.send(new ProducerRecord<>(topics.harvest().name(), Long.toString(crop.getIdentityId()).getBytes(),
                            WireSerdes.HARVEST.serializer().serialize("h", crop)));
                }
                producer.send(new ProducerRecord<>(topics.harvest().name(), "9".getBytes(), "not a crop".getBytes()));
            }
            CropStore store = CropStore.open(dir.resolve("crops"), new CropStoreSettings(100, Duration.ofDays(1)));
            try (StageLoop loop = Stages.cropCollector(broker.connection(), topics, store)) {
                Thread worker = new Thread(loop, "crops");
                worker.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (loop.processed() + loop.failed() < 31 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(30, loop.processed());
                assertEquals(1, loop.failed());
                assertEquals(new CropStore.Stats(10, 2), store.stats());
                assertEquals(5, store.crops("s/1").size());
            }
            var letters = TopicContents.read(broker.connection(), topics.deadLetters().name());
            assertEquals(1, letters.size());
            assertTrue(WireSerdes.DEAD_LETTER.deserialize("d", letters.get(0).value()).getError().length() > 0);
        }
    }
}
