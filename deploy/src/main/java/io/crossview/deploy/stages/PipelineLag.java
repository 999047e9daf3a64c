package io.crossview.deploy.stages;

import io.crossview.common.kafka.KafkaConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on its input topics, read from the broker: the records
 * between its committed offsets and the ends of the partitions. Zero means it has processed
 * and committed everything written so far.
 */
public final class PipelineLag implements AutoCloseable {
    private final Admin admin;

    public PipelineLag(KafkaConnection kafka) {
        this.admin = Admin.create(kafka.common());
    }

    public long lag(String group, List<String> inputTopics) {
        try {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var description : admin.describeTopics(inputTopics).allTopicNames().get().values()) {
                description.partitions().forEach(p ->
                        ends.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            var endOffsets = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (var end : endOffsets.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + group + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
