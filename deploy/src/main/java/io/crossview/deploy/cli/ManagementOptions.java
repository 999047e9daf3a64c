package io.crossview.deploy.cli;

import io.crossview.deploy.metrics.Health;
import io.crossview.deploy.metrics.ManagementServer;
import io.crossview.deploy.metrics.ProcessMetrics;
import io.crossview.matcher.query.HttpAccess;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a stage serves its Prometheus metrics and health endpoints. */
public final class ManagementOptions {
    /** The default management port of each stage, so that one machine can run one of each. */
    public static final int INGEST = 9400;
    public static final int DETECT = 9401;
    public static final int EMBED = 9402;
    public static final int MATCH = 9403;
    public static final int CROPS = 9404;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Port of /metrics, /health/live and /health/ready; 0 turns them off (default: the stage's "
                    + "own, 9400-9404, or a free one when another process holds it)")
    Integer port;

    @Option(names = "--metrics-host", defaultValue = HttpAccess.LOOPBACK, paramLabel = "ADDRESS",
            description = "Address the management port binds (default: ${DEFAULT-VALUE}); any other needs a token "
                    + "for /metrics ($" + HttpOptions.TOKEN_ENV + " or --metrics-token-file)")
    String host;

    @Option(names = "--metrics-token-file", paramLabel = "FILE", description = "File holding the bearer token of /metrics")
    Path tokenFile;

    /** Who may use the port, checked before a stage touches Kafka: off loopback it needs a token. */
    HttpAccess access() throws IOException {
        String token = tokenFile != null ? HttpOptions.readToken(tokenFile) : System.getenv(HttpOptions.TOKEN_ENV);
        String given = token == null || token.isBlank() ? null : token.trim();
        try {
            return new HttpAccess(host, given, 0);
        } catch (IllegalArgumentException refused) {
            boolean needsToken = given == null && refused.getMessage().contains("would answer");
            throw !needsToken ? refused : new IllegalArgumentException("--metrics-host " + host + " would show every "
                    + "camera's figures to anyone: give /metrics a token (--metrics-token-file FILE or $"
                    + HttpOptions.TOKEN_ENV + "), or bind " + HttpAccess.LOOPBACK);
        }
    }

    /** Starts the stage's management server on {@code access}, or returns null when it is turned off. */
    ManagementServer start(String stage, int defaultPort, Health health, HttpAccess access) {
        if (port != null && port == 0) {
            return null;
        }
        if (port != null) {
            return ManagementServer.start(stage, access, port, ProcessMetrics.registry(), health);
        }
        try {
            return ManagementServer.start(stage, access, defaultPort, ProcessMetrics.registry(), health);
        } catch (IllegalStateException taken) {
            ManagementServer server = ManagementServer.start(stage, access, 0, ProcessMetrics.registry(), health);
            System.err.println(stage + ": port " + defaultPort + " is taken; metrics and health on port " + server.port());
            return server;
        }
    }
}
