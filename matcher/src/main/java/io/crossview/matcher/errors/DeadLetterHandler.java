package io.crossview.matcher.errors;

import io.crossview.common.kafka.DeadLetters;
import io.crossview.common.metrics.MeterNames;
import io.crossview.common.topics.Topics;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends records the matcher cannot read to dead-letters and lets the topology go on. */
public final class DeadLetterHandler implements DeserializationExceptionHandler {
    /** Streams config key naming the topic prefix of this deployment. */
    public static final String TOPIC_PREFIX_CONFIG = "crossview.topic.prefix";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private Topics topics = Topics.defaults();

    @Override
    public void configure(Map<String, ?> configs) {
        Object prefix = configs.get(TOPIC_PREFIX_CONFIG);
        topics = new Topics(prefix == null ? "" : prefix.toString());
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
        LOG.warn("matcher: {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                topics.deadLetters().name(), error.getMessage());
        // Streams makes this handler from its class name: it counts on the process's global registry
        Metrics.counter(MeterNames.DEAD_LETTERS, "stage", "matcher", "topic", record.topic()).increment();
        return Response.resume(List.of(DeadLetters.of(topics.deadLetters(), "matcher", record, error)));
    }
}
