package io.crossview.matcher;

import io.crossview.matcher.linking.LinkerParams;
import io.crossview.matcher.linking.SiteTopology;
import io.crossview.matcher.tracking.TrackerParams;
import java.nio.file.Path;

/**
 * Settings of the matcher stage.
 *
 * @param applicationId Kafka Streams application id: consumer group and prefix of its internal topics
 * @param stateDir      where RocksDB keeps the stores
 * @param standbyReplicas warm copies of each store on other instances
 * @param topology      the configured camera topology of the sites (empty: learned only)
 * @param instanceId    a stable name of this instance (static group membership), or null: a
 *                      restarted instance with the same name takes its tasks back at once instead
 *                      of waiting for the group to time the old one out
 * @param applicationServer {@code host:port} where this instance answers interactive queries,
 *                      told to the other instances (Streams' {@code application.server}), or null
 */
public record MatcherConfig(String applicationId, Path stateDir, int standbyReplicas,
                            TrackerParams tracker, LinkerParams linker, SiteTopology topology, String instanceId,
                            String applicationServer) {
    public MatcherConfig {
        if (applicationId == null || !applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("matcher application id may only hold letters, digits, '.', '_' and '-': "
                    + applicationId);
        }
        if (stateDir == null) {
            throw new IllegalArgumentException("matcher state dir is not set");
        }
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standby replicas must be >= 0");
        }
        if (topology == null) {
            topology = SiteTopology.NONE;
        }
        if (instanceId != null && !instanceId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("matcher instance id may only hold letters, digits, '.', '_' and '-': "
                    + instanceId);
        }
        if (applicationServer != null && !applicationServer.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException("matcher application server must be host:port: " + applicationServer);
        }
    }

    public static MatcherConfig defaults(Path stateDir) {
        return new MatcherConfig("crossview-matcher", stateDir, 0, TrackerParams.defaults(), LinkerParams.defaults(),
                SiteTopology.NONE, null, null);
    }

    public MatcherConfig withInstance(int standby, String instance) {
        return new MatcherConfig(applicationId, stateDir, standby, tracker, linker, topology, instance, applicationServer);
    }

    public MatcherConfig withTracker(TrackerParams params) {
        return new MatcherConfig(applicationId, stateDir, standbyReplicas, params, linker, topology, instanceId,
                applicationServer);
    }

    public MatcherConfig withLinker(LinkerParams params, SiteTopology siteTopology) {
        return new MatcherConfig(applicationId, stateDir, standbyReplicas, tracker, params, siteTopology, instanceId,
                applicationServer);
    }

    public MatcherConfig withApplicationServer(String hostAndPort) {
        return new MatcherConfig(applicationId, stateDir, standbyReplicas, tracker, linker, topology, instanceId,
                hostAndPort);
    }
}
