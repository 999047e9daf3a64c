package io.crossview.common.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A topic name bundled with its value serde and the settings it is created with. */
public record Topic<V>(String name, Serde<V> valueSerde, Map<String, String> configs) {
    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        configs = Map.copyOf(configs);
    }

    /** Every topic is keyed by a string: camera id, identity id, model name or site. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }
}
