package io.crossview.deploy.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.model.ModelVersion;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.deploy.broker.EmbeddedBroker;
import io.crossview.deploy.testing.TopicContents;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.registry.ModelRegistry;
import io.crossview.trainer.promotion.ModelAnnouncer;
import io.crossview.trainer.promotion.Promotion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's announcer on a real broker: what a promotion announces is on the models topic, as embedders read it. */
@Tag("integration")
class ModelAnnouncerIT {
    @TempDir
    Path dir;

    @Test
    void anAnnouncedModelIsReadBackFromTheModelsTopicUnderItsNameAndIsTheLatest() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            Topics topics = new Topics("promo.");
            TopicAdmin.ensure(broker.connection(), topics, 1, (short) 1);
            ModelRegistry registry = new ModelRegistry(broker.connection(), topics.models().name());
            ModelAnnouncer announcer = registry::announce;
            assertEquals(Optional.empty(), registry.latest("reid"));

            String sha = ModelVersion.sha256(AppearanceModel.build());
            Map<String, Double> metrics = Map.of(Promotion.METRIC_MAP, 0.75, Promotion.METRIC_RANK1, 0.875);
            long before = System.currentTimeMillis();
            announcer.announce("other", "other@000000000000", "/models/other.onnx", "0".repeat(64), Map.of());
            announcer.announce("reid", "builtin-appearance@" + sha.substring(0, 12), "/models/m.onnx", sha, metrics);
            long after = System.currentTimeMillis();

            List<ConsumerRecord<byte[], byte[]>> records = TopicContents.read(broker.connection(), topics.models().name());
            assertEquals(2, records.size());
            ConsumerRecord<byte[], byte[]> record = records.get(1);
            assertEquals("reid", new String(record.key(), StandardCharsets.UTF_8), "keyed by name, for compaction");
            ModelAnnouncement read = WireSerdes.MODEL.deserialize(record.topic(), record.value());
            assertTrue(read.getCreatedMs() >= before && read.getCreatedMs() <= after, "created " + read.getCreatedMs());
            ModelAnnouncement expected = ModelRegistry.announcement("reid", "builtin-appearance@" + sha.substring(0, 12),
                    "/models/m.onnx", sha, metrics, read.getCreatedMs());
            assertEquals(expected, read);
            assertEquals(Optional.of(expected), registry.latest("reid"));
            assertEquals("other@000000000000", registry.latest("other").orElseThrow().getVersion());
        }
    }
}
