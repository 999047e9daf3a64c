package io.crossview.ingest.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossview.ingest.live.DropPolicy;
import java.nio.file.Path;

/**
 * The ingest stage's settings, the {@code ingest:} section of a cameras file; every field
 * has a default and the command line may override it.
 *
 * @param queueFrames       encoded frames each camera may hold while Kafka is slow
 * @param maxInFlightBytes  bytes handed to the producer and not yet acknowledged, over all cameras
 * @param readTimeoutMs     a live read that blocks longer fails (FFmpeg {@code rw_timeout})
 * @param stallTimeoutMs    a connected camera without a picture this long is stalled and reconnected
 * @param reconnectAttempts attempts before a camera is given up (0: never give up)
 * @param stateDir          where per-camera sequence numbers persist across restarts
 */
public record IngestSettings(int queueFrames, DropPolicy dropPolicy, long maxInFlightBytes, long readTimeoutMs,
                             long stallTimeoutMs, long reconnectInitialMs, long reconnectMaxMs, double reconnectJitter,
                             int reconnectAttempts, Path stateDir) {
    public static final Path DEFAULT_STATE_DIR =
            Path.of(System.getProperty("user.home"), ".local", "state", "crossview", "ingest");
    public static final IngestSettings DEFAULT = new IngestSettings(8, DropPolicy.DROP_OLDEST, 64L << 20, 5_000,
            10_000, 1_000, 30_000, 0.3, 0, DEFAULT_STATE_DIR);

    public IngestSettings {
        if (queueFrames < 1) {
            throw new IllegalArgumentException("ingest queue_frames must be >= 1");
        }
        if (maxInFlightBytes < 1 << 20) {
            throw new IllegalArgumentException("ingest max_in_flight must be at least 1MiB (one large frame)");
        }
        if (readTimeoutMs <= 0 || stallTimeoutMs <= 0 || reconnectInitialMs <= 0 || reconnectMaxMs < reconnectInitialMs) {
            throw new IllegalArgumentException("ingest timeouts must be positive and reconnect_max >= reconnect_initial");
        }
        if (reconnectJitter < 0 || reconnectJitter >= 1) {
            throw new IllegalArgumentException("ingest reconnect_jitter must be in [0, 1)");
        }
        if (reconnectAttempts < 0) {
            throw new IllegalArgumentException("ingest reconnect_attempts must be >= 0 (0: for ever)");
        }
        dropPolicy = dropPolicy == null ? DropPolicy.DROP_OLDEST : dropPolicy;
        stateDir = stateDir == null ? DEFAULT_STATE_DIR : stateDir;
    }

    /** The YAML form: durations and sizes as text ({@code 5s}, {@code 64MiB}), missing fields defaulted. */
    @JsonCreator
    static IngestSettings fromYaml(@JsonProperty("queue_frames") Integer queueFrames,
                                   @JsonProperty("drop_policy") String dropPolicy,
                                   @JsonProperty("max_in_flight") String maxInFlight,
                                   @JsonProperty("read_timeout") String readTimeout,
                                   @JsonProperty("stall_timeout") String stallTimeout,
                                   @JsonProperty("reconnect_initial") String reconnectInitial,
                                   @JsonProperty("reconnect_max") String reconnectMax,
                                   @JsonProperty("reconnect_jitter") Double reconnectJitter,
                                   @JsonProperty("reconnect_attempts") Integer reconnectAttempts,
                                   @JsonProperty("state_dir") String stateDir) {
        IngestSettings d = DEFAULT;
        return new IngestSettings(
                queueFrames == null ? d.queueFrames : queueFrames,
                dropPolicy == null ? d.dropPolicy : DropPolicy.parse(dropPolicy),
                maxInFlight == null ? d.maxInFlightBytes : Units.bytes(maxInFlight),
                readTimeout == null ? d.readTimeoutMs : Units.millis(readTimeout),
                stallTimeout == null ? d.stallTimeoutMs : Units.millis(stallTimeout),
                reconnectInitial == null ? d.reconnectInitialMs : Units.millis(reconnectInitial),
                reconnectMax == null ? d.reconnectMaxMs : Units.millis(reconnectMax),
                reconnectJitter == null ? d.reconnectJitter : reconnectJitter,
                reconnectAttempts == null ? d.reconnectAttempts : reconnectAttempts,
                stateDir == null ? d.stateDir : Path.of(stateDir.replaceFirst("^~", System.getProperty("user.home"))));
    }

    public IngestSettings withQueue(int frames, DropPolicy policy) {
        return new IngestSettings(frames, policy, maxInFlightBytes, readTimeoutMs, stallTimeoutMs, reconnectInitialMs,
                reconnectMaxMs, reconnectJitter, reconnectAttempts, stateDir);
    }

    public IngestSettings withStateDir(Path dir) {
        return new IngestSettings(queueFrames, dropPolicy, maxInFlightBytes, readTimeoutMs, stallTimeoutMs,
                reconnectInitialMs, reconnectMaxMs, reconnectJitter, reconnectAttempts, dir);
    }

    public IngestSettings withTimeouts(long readMs, long stallMs, long reconnectInitial, long reconnectMax) {
        return new IngestSettings(queueFrames, dropPolicy, maxInFlightBytes, readMs, stallMs, reconnectInitial,
                reconnectMax, reconnectJitter, reconnectAttempts, stateDir);
    }
}
