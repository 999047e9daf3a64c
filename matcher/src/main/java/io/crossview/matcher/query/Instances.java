package io.crossview.matcher.query;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/** Which matcher instances hold which stores, as Streams' metadata tells (each instance's {@code application.server}). */
final class Instances {
    private final KafkaStreams streams;
    private final HostInfo self;

    Instances(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    HostInfo self() {
        return self;
    }

    /** The instances with an active task of {@code store}; standbys do not answer, so nothing is counted twice. */
    List<HostInfo> hosting(String store) {
        List<HostInfo> hosts = metadata().stream()
                .filter(m -> m.stateStoreNames().contains(store))
                .map(StreamsMetadata::hostInfo)
                .filter(h -> h.port() > 0)
                .distinct()
                .toList();
        if (hosts.isEmpty()) {
            throw QueryException.unavailable("no matcher instance holds " + store + " now (starting or rebalancing)",
                    null);
        }
        return hosts;
    }

    boolean hostsLocally(String store) {
        return metadata().stream().anyMatch(m -> m.hostInfo().equals(self) && m.stateStoreNames().contains(store));
    }

    /** The instance with the active task of the partition that {@code key} (a string, as the topics key it) falls in. */
    HostInfo ownerOf(String store, String key) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw QueryException.unavailable("the matcher is not running: " + e.getMessage(), e);
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().port() <= 0) {
            throw QueryException.unavailable("no matcher instance holds " + store + " for " + key
                    + " now (starting or rebalancing)", null);
        }
        return owner.activeHost();
    }

    private java.util.Collection<StreamsMetadata> metadata() {
        try {
            return streams.metadataForAllStreamsClients();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // not started yet, or shutting down: both pass
            throw QueryException.unavailable("the matcher is not running: " + e.getMessage(), e);
        }
    }
}
