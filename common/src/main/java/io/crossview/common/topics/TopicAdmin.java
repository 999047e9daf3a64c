package io.crossview.common.topics;

import io.crossview.common.kafka.KafkaConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.Collection;
import java.util.HashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics of a namespace explicitly, with their settings, if they are missing. */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    public static void ensure(KafkaConnection kafka, Topics topics, int partitions, short replication) {
        try (Admin admin = admin(kafka)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?> topic : topics.all()) {
                if (!existing.contains(topic.name())) {
                    int n = topic.configs().containsKey("cleanup.policy") ? 1 : partitions;
                    missing.add(new NewTopic(topic.name(), n, replication).configs(topic.configs()));
                }
            }
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get();
                } catch (ExecutionException e) {
                    // another process may create the same topic at the same moment
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, missing);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException) {
                throw refused(kafka, e.getCause());
            }
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException("no Kafka broker answers at " + kafka
                        + " (start one with 'crossview broker', or pass --bootstrap HOST:PORT)", e);
            }
            throw new IllegalStateException("cannot create topics on " + kafka + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Returns once every partition of the new topics answers as leader. A producer that writes
     * to a partition the moment it is created gets NOT_LEADER_OR_FOLLOWER, and the idempotent
     * producer's pipelined retries of those first batches were then seen to desynchronise its
     * sequence numbers (OutOfOrderSequenceException for the delivery timeout, the partition stuck).
     */
    private static void awaitLeaders(Admin admin, List<NewTopic> created) throws InterruptedException, ExecutionException {
        if (created.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : created) {
            for (int p = 0; p < topic.numPartitions(); p++) {
                partitions.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            try {
                // ListOffsets is answered by the partition's leader itself: success means writable
                admin.listOffsets(partitions).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** Sets the recording window on the frames topic, which may have been created long before. */
    public static void applyRecording(KafkaConnection kafka, Topics topics, Recording recording) {
        ConfigResource frames = new ConfigResource(ConfigResource.Type.TOPIC, topics.frames().name());
        Collection<AlterConfigOp> ops = recording.topicConfigs().entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try (Admin admin = admin(kafka)) {
            admin.incrementalAlterConfigs(Map.of(frames, ops)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set the recording window of " + frames.name() + " on " + kafka
                    + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the recording window", e);
        }
    }

    /** The first call a stage makes is here, so a wrong password or certificate is reported here, once. */
    private static IllegalStateException refused(KafkaConnection kafka, Throwable cause) {
        return new IllegalStateException("Kafka at " + kafka + " refused this client: " + cause.getMessage()
                + " (check --kafka-config and the CROSSVIEW_KAFKA_* variables)", cause);
    }

    private static Admin admin(KafkaConnection kafka) {
        return Admin.create(kafka.admin());
    }

    /** Records a topic holds now (latest minus earliest offset over its partitions). */
    public static long records(KafkaConnection kafka, String topic) {
        try (Admin admin = admin(kafka)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (var p : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            }
            long total = 0;
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            for (TopicPartition tp : latest.keySet()) {
                total += ends.get(tp).offset() - starts.get(tp).offset();
            }
            return total;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + topic + " on " + kafka + ": "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        }
    }
}
