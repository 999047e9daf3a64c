package io.crossview.common.serde;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one protobuf wire message. Reading rejects bytes that do not parse and
 * messages whose schema major is not {@link WireSchema#VERSION}, so a reader never acts on
 * a message it does not understand.
 */
public final class ProtoSerde<T extends Message> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final String typeName;
    private final Parser<T> parser;
    private final ToIntFunction<T> schemaVersion;

    private ProtoSerde(String typeName, Parser<T> parser, ToIntFunction<T> schemaVersion) {
        this.typeName = typeName;
        this.parser = parser;
        this.schemaVersion = schemaVersion;
    }

    /** A serde for a wire message whose field 1 is its schema version. */
    public static <T extends Message> ProtoSerde<T> of(Class<T> type, Parser<T> parser, ToIntFunction<T> schemaVersion) {
        return new ProtoSerde<>(type.getSimpleName(), parser, schemaVersion);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : data.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        T message;
        try {
            message = parser.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new BadMessageException(typeName + " on " + topic + " does not parse: " + e.getMessage(), e);
        }
        int version = schemaVersion.applyAsInt(message);
        if (version != WireSchema.VERSION) {
            throw new BadMessageException(typeName + " on " + topic + " has schema version " + version
                    + ", this reader understands " + WireSchema.VERSION);
        }
        return message;
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // nothing held
    }
}
