package io.crossview.matcher;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.serde.ProtoSerde;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.topics.Topics;
import com.google.protobuf.Message;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.common.wire.IdentityErasure;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.TrackLink;
import io.crossview.common.wire.TrackletAppearance;
import io.crossview.common.wire.SimilarityCounts;
import io.crossview.common.wire.TransitStats;
import io.crossview.matcher.calibration.Calibrations;
import io.crossview.matcher.harvest.HarvestBuffer;
import io.crossview.matcher.errors.DeadLetterHandler;
import io.crossview.matcher.linking.LinkerProcessor;
import io.crossview.matcher.metrics.MatcherMeters;
import io.crossview.matcher.tracking.TrackerProcessor;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The matcher: embeddings keyed by camera, per-camera tracking, tracklets re-keyed by site,
 * cross-camera linking, then identities keyed by camera and harvested crops keyed by identity.
 * Every store and internal topic is named.
 */
public final class MatcherTopology {
    public static final String TRACKLETS_BY_SITE = "tracklets-by-site";
    static final ProtoSerde<TrackLink> TRACK_LINK =
            ProtoSerde.of(TrackLink.class, TrackLink.parser(), link -> WireSchema.VERSION);
    static final ProtoSerde<TrackletAppearance> TRACKLET_APPEARANCE =
            ProtoSerde.of(TrackletAppearance.class, TrackletAppearance.parser(), a -> WireSchema.VERSION);
    static final ProtoSerde<TransitStats> TRANSIT_STATS =
            ProtoSerde.of(TransitStats.class, TransitStats.parser(), stats -> WireSchema.VERSION);

    public static final ProtoSerde<SimilarityCounts> SIMILARITY_COUNTS =
            ProtoSerde.of(SimilarityCounts.class, SimilarityCounts.parser(), counts -> WireSchema.VERSION);

    private MatcherTopology() {
    }

    public static Topology build(Topics topics, MatcherConfig config) {
        return build(topics, config, MatcherMeters.none());
    }

    /** The topology whose linker counts its work on {@code meters}. */
    public static Topology build(Topics topics, MatcherConfig config, MatcherMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TrackerProcessor.STORE), Serdes.String(), WireSerdes.CAMERA_TRACKS));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkerProcessor.GALLERY_STORE), Serdes.String(), WireSerdes.IDENTITY_RECORD));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkerProcessor.LINK_STORE), Serdes.String(), TRACK_LINK));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkerProcessor.SEQUENCE_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkerProcessor.TRANSIT_STORE), Serdes.String(), TRANSIT_STATS));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkerProcessor.RECENT_STORE), Serdes.String(), TRACK_LINK));
        // a cache of what the finished link will carry: in memory and not logged, so it costs the
        // per-frame path no changelog; a task that moves starts its live tracks' sums afresh
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(LinkerProcessor.APPEARANCE_STORE), Serdes.String(), TRACKLET_APPEARANCE)
                .withLoggingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(HarvestBuffer.STORE), Serdes.String(), WireSerdes.HARVEST));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Calibrations.STORE), Serdes.String(), SIMILARITY_COUNTS));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TrackerProcessor.CALIBRATION_STORE), Serdes.String(), SIMILARITY_COUNTS));

        KStream<String, Message> tracklets = builder.stream(topics.embeddings().name(),
                        Consumed.with(Serdes.String(), WireSerdes.EMBEDDINGS).withName("read-embeddings"))
                .process(() -> new TrackerProcessor(config.tracker()), Named.as("track-per-camera"),
                        TrackerProcessor.STORE, TrackerProcessor.CALIBRATION_STORE)
                .selectKey((camera, update) -> update.getFrame().getSite(), Named.as("key-by-site"))
                .repartition(Repartitioned.with(Serdes.String(), WireSerdes.TRACKLETS).withName(TRACKLETS_BY_SITE))
                .mapValues(update -> (Message) update, Named.as("as-linker-input"));
        // an erasure is written to every partition, so that every linker task hears of it
        KStream<String, Message> erasures = builder.stream(topics.erasures().name(),
                        Consumed.with(Serdes.String(), WireSerdes.ERASURE).withName("read-erasures"))
                .mapValues(erasure -> (Message) erasure, Named.as("as-erasure-input"));
        KStream<String, Message> linked = tracklets.merge(erasures, Named.as("tracklets-and-erasures"))
                .process(() -> new LinkerProcessor(config.linker(), config.topology(), meters), Named.as("link-across-cameras"),
                        LinkerProcessor.GALLERY_STORE, LinkerProcessor.LINK_STORE, LinkerProcessor.SEQUENCE_STORE,
                        LinkerProcessor.TRANSIT_STORE, LinkerProcessor.RECENT_STORE, LinkerProcessor.APPEARANCE_STORE, HarvestBuffer.STORE, Calibrations.STORE);
        linked.filter((key, out) -> out instanceof IdentityEvent, Named.as("identity-events"))
                .mapValues(out -> (IdentityEvent) out, Named.as("as-identity-event"))
                .to(topics.identities().name(),
                        Produced.with(Serdes.String(), WireSerdes.IDENTITY).withName("write-identities"));
        linked.filter((key, out) -> out instanceof HarvestedCrop, Named.as("harvested-crops"))
                .mapValues(out -> (HarvestedCrop) out, Named.as("as-harvested-crop"))
                .to(topics.harvest().name(),
                        Produced.with(Serdes.String(), WireSerdes.HARVEST).withName("write-harvest"));
        linked.filter((key, out) -> out instanceof IdentityErasure, Named.as("erased-identities"))
                .mapValues(out -> (HarvestedCrop) null, Named.as("as-harvest-tombstone"))
                .to(topics.harvest().name(),
                        Produced.with(Serdes.String(), WireSerdes.HARVEST).withName("write-harvest-tombstones"));
        return builder.build();
    }

    public static Properties streamsConfig(KafkaConnection kafka, Topics topics, MatcherConfig config) {
        Properties props = kafka.streams();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.prefix() + config.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        // the classic rebalance protocol: 4.3's streams protocol rejects static membership
        // (group.instance.id) and ignores standby replicas, which a restarted matcher relies on
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        if (config.instanceId() != null) {
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), config.instanceId());
        }
        if (config.applicationServer() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
        }
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(DeadLetterHandler.TOPIC_PREFIX_CONFIG, topics.prefix());
        props.put(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), Topics.MAX_FRAME_BYTES + 64 * 1024);
        props.put(StreamsConfig.producerPrefix("max.request.size"), Topics.MAX_FRAME_BYTES + 64 * 1024);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return props;
    }
}
