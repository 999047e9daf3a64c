package io.crossview.deploy.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.matcher.query.HttpAccess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ManagementServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreInPrometheusTextFormatAndHealthSaysUpOrDown() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("crossview.test.frames").tag("camera", "east").register(registry).increment(3);
        AtomicBoolean ready = new AtomicBoolean(false);
        try (ManagementServer server = ManagementServer.start("test", HttpAccess.LOCAL, 0, registry,
                new Health(() -> true, ready::get))) {
            HttpResponse<String> metrics = get(server.port(), "/metrics", null);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(metrics.body().contains("crossview_test_frames_total{camera=\"east\"} 3.0"), metrics.body());
            assertEquals(200, get(server.port(), "/health/live", null).statusCode());
            HttpResponse<String> notReady = get(server.port(), "/health/ready", null);
            assertEquals(503, notReady.statusCode());
            assertEquals("{\"status\":\"down\"}", notReady.body());
            ready.set(true);
            assertEquals(200, get(server.port(), "/health/ready", null).statusCode());
        }
    }

    @Test
    void offLoopbackMetricsNeedTheTokenWhileProbesDoNot() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpAccess everywhere = new HttpAccess("0.0.0.0", "s3cret", 0);
        try (ManagementServer server = ManagementServer.start("test", everywhere, 0, registry, Health.UP)) {
            assertEquals(401, get(server.port(), "/metrics", null).statusCode());
            assertEquals(401, get(server.port(), "/metrics", "Bearer wrong").statusCode());
            assertEquals(200, get(server.port(), "/metrics", "Bearer s3cret").statusCode());
            assertEquals(200, get(server.port(), "/health/live", null).statusCode());
            assertEquals(200, get(server.port(), "/health/ready", null).statusCode());
        }
    }
}
