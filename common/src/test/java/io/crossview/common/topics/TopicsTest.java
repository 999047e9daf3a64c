package io.crossview.common.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void everyTopicOfDesignMdExistsUnderThePrefix() {
        List<String> names = new Topics("replay1.").all().stream().map(Topic::name).toList();
        assertEquals(List.of("replay1.frames", "replay1.detections", "replay1.embeddings", "replay1.identities",
                "replay1.harvest", "replay1.models", "replay1.dead-letters"), names);
    }

    @Test
    void topicsCarryTheirSettings() {
        Topics topics = Topics.defaults();
        assertEquals("compact", topics.models().configs().get("cleanup.policy"));
        assertEquals(Integer.toString(Topics.MAX_FRAME_BYTES), topics.frames().configs().get("max.message.bytes"));
        assertEquals(Integer.toString(Topics.MAX_FRAME_BYTES), topics.deadLetters().configs().get("max.message.bytes"));
    }

    @Test
    void aPrefixWithCharactersKafkaRejectsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Topics("bad prefix/"));
    }
}
