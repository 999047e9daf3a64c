package io.crossview.trainer.promotion;

import java.io.IOException;
import java.util.Map;

/**
 * Where a promoted model is announced. On Kafka it is embedder's registry:
 * {@code new ModelRegistry(kafka, topics.models().name())::announce}; tests give their own.
 */
@FunctionalInterface
public interface ModelAnnouncer {
    /** Announces the model and returns once it is announced; IOException when it could not be. */
    void announce(String name, String version, String uri, String sha256, Map<String, Double> metrics)
            throws IOException;
}
