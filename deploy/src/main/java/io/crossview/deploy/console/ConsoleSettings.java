package io.crossview.deploy.console;

import io.crossview.matcher.query.HttpAccess;
import java.util.Objects;

/**
 * How one console runs.
 *
 * @param matcherUrl           the matcher's query API, e.g. {@code http://127.0.0.1:7070}
 * @param matcherAuthorization the header the query API wants, null for none
 * @param access               the address the console binds and who may use it
 * @param port                 its port, 0 for a free one
 * @param keptFrames           frames kept per camera for the live tiles: more than the pipeline's
 *                             latency in frames (a live camera needs few; a file ingested as fast
 *                             as it decodes runs far ahead of the stages)
 */
public record ConsoleSettings(String matcherUrl, String matcherAuthorization, HttpAccess access, int port,
                              int keptFrames) {
    public static final int DEFAULT_KEPT_FRAMES = 64;

    public ConsoleSettings {
        Objects.requireNonNull(matcherUrl, "matcherUrl");
        Objects.requireNonNull(access, "access");
        if (keptFrames < 1) {
            throw new IllegalArgumentException("the console keeps at least 1 frame per camera, not " + keptFrames);
        }
    }
}
