package io.crossview.deploy.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.topics.TopicAdmin;
import io.crossview.common.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class EmbeddedBrokerIT {
    @TempDir
    Path dataDir;

    @Test
    void topicsAreCreatedWithTheirSettingsAndSurviveARestart() throws Exception {
        Topics topics = new Topics("it.");
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dataDir)) {
            port = Integer.parseInt(broker.bootstrap().split(":")[1]);
            TopicAdmin.ensure(broker.connection(), topics, 2, (short) 1);
            TopicAdmin.ensure(broker.connection(), topics, 2, (short) 1); // idempotent
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                Set<String> names = admin.listTopics().names().get();
                assertTrue(names.containsAll(List.of("it.frames", "it.models", "it.dead-letters", "it.identities")), names.toString());
                var models = new ConfigResource(ConfigResource.Type.TOPIC, "it.models");
                var frames = new ConfigResource(ConfigResource.Type.TOPIC, "it.frames");
                var configs = admin.describeConfigs(List.of(models, frames)).all().get();
                assertEquals("compact", configs.get(models).get("cleanup.policy").value());
                assertEquals(Integer.toString(Topics.MAX_FRAME_BYTES), configs.get(frames).get("max.message.bytes").value());
                assertEquals(2, admin.describeTopics(List.of("it.frames")).allTopicNames().get()
                        .get("it.frames").partitions().size());
            }
        }
        try (EmbeddedBroker again = EmbeddedBroker.start(port, dataDir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrap()))) {
            assertTrue(admin.listTopics().names().get().contains("it.frames"), "topics persist in the data dir");
        }
    }
}
