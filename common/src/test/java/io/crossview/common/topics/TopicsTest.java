package io.crossview.common.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void everyTopicOfDesignMdExistsUnderThePrefix() {
        List<String> names = new Topics("replay1.").all().stream().map(Topic::name).toList();
        assertEquals(List.of("replay1.frames", "replay1.detections", "replay1.embeddings", "replay1.identities",
                "replay1.harvest", "replay1.models", "replay1.camera-status", "replay1.erasures", "replay1.dead-letters"), names);
    }

    @Test
    void topicsCarryTheirSettings() {
        Topics topics = Topics.defaults();
        assertEquals("compact", topics.models().configs().get("cleanup.policy"));
        assertEquals(Integer.toString(Topics.MAX_FRAME_BYTES), topics.frames().configs().get("max.message.bytes"));
        assertEquals(Integer.toString(Topics.MAX_FRAME_BYTES), topics.deadLetters().configs().get("max.message.bytes"));
        assertEquals(Long.toString(Recording.DEFAULT.retentionMs()), topics.frames().configs().get("retention.ms"),
                "a new frames topic keeps a day of recording unless told otherwise");
    }

    @Test
    void aRecordingWindowBecomesTopicSettings() {
        assertEquals(Map.of("retention.ms", "3600000", "retention.bytes", "1073741824"),
                new Recording(3_600_000L, 1L << 30).topicConfigs());
        assertEquals(Map.of("retention.ms", "-1", "retention.bytes", "-1"), new Recording(-1, -1).topicConfigs(),
                "-1 keeps everything, as in Kafka");
        assertThrows(IllegalArgumentException.class, () -> new Recording(0, -1));
    }

    @Test
    void aPrefixWithCharactersKafkaRejectsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Topics("bad prefix/"));
    }
}
